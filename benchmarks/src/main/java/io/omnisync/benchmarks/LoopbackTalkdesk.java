package io.omnisync.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** Talkdesk's token endpoint and Presence API on loopback, accepting every PUT (SPEC 11's shapes, nothing more). */
final class LoopbackTalkdesk implements AutoCloseable {

    static final String CLIENT_ID = "load-test-client";
    static final String CLIENT_SECRET = "load-test-client-secret-0123456789";

    private final HttpServer server;
    private final ExecutorService threads;
    final AtomicLong puts = new AtomicLong();

    private LoopbackTalkdesk(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static LoopbackTalkdesk start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        LoopbackTalkdesk talkdesk = new LoopbackTalkdesk(server, threads);
        server.setExecutor(threads);
        server.createContext("/", talkdesk::answer);
        server.start();
        return talkdesk;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/oauth/token")) {
                byte[] body = LoopbackServe.JSON
                        .createObjectNode()
                        .put("access_token", "load-test-token")
                        .put("token_type", "Bearer")
                        .put("expires_in", 3600)
                        .put("scope", "presence-user:read presence-user:write")
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (exchange.getRequestMethod().equals("PUT") && path.endsWith("/presence/status")) {
                puts.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
