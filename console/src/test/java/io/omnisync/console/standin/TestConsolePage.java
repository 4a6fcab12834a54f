package io.omnisync.console.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Serves the test console (a page with a stand-in Omni-Channel toolkit) from its own loopback origin,
 * so the bridge talks to Omnisync cross-origin as it does from a Lightning console; and its token
 * endpoint ({@code POST /token}), which stands in for the Apex method that mints the agent's token.
 */
public final class TestConsolePage implements AutoCloseable {
    private static final String PAGE_RESOURCES = "omnisync/console/test-page/";
    private static final Map<String, String> CONTENT_TYPES =
            Map.of(".html", "text/html; charset=utf-8", ".js", "text/javascript; charset=utf-8");

    private final Tokens tokens;
    private final ExecutorService handlers = Http.threadPerRequest("test-console-page");
    private final List<String> requestedUris = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private TestConsolePage(Tokens tokens) {
        this.tokens = tokens;
        this.server = Http.loopbackServer(0, handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TestConsolePage start(Tokens tokens) {
        return new TestConsolePage(tokens);
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The console page with these query parameters (see stand-in-console.js for their meaning). */
    public URI uri(Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(origin() + "/console.html" + (query.isEmpty() ? "" : "?" + query));
    }

    /** Path and query of every request, in order. */
    public List<String> requestedUris() {
        return List.copyOf(requestedUris);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            requestedUris.add(exchange.getRequestURI().toString());
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("POST") && path.equals("/token")) {
                Http.respond(
                        exchange,
                        200,
                        "text/plain; charset=utf-8",
                        tokens.mint().getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<String> type = CONTENT_TYPES.entrySet().stream()
                    .filter(entry -> path.endsWith(entry.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst();
            Optional<byte[]> file = method.equals("GET") && type.isPresent() && !path.contains("..")
                    ? Http.classpathResource(PAGE_RESOURCES + path.substring(1))
                    : Optional.empty();
            if (file.isPresent()) {
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                Http.respond(exchange, 200, type.get(), file.get());
            } else {
                Http.error(exchange, 404, "NOT_FOUND", method + " " + path);
            }
        } finally {
            exchange.close();
        }
    }
}
