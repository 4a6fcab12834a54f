package io.omnisync.adapters.adminpage.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open {@code GET /api/stream} responses: {@code : ping} at once (and on {@link #ping()}), then
 * one {@code event:}/{@code data:} block per change, to every open stream.
 */
final class EventStreams {

    private final List<Client> clients = new CopyOnWriteArrayList<>();

    /** Holds the exchange open until the stream is dropped or the client goes away. */
    void serve(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, no-transform");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(exchange);
        clients.add(client);
        client.write(": ping\n\n");
        client.closed.join();
        clients.remove(client);
        exchange.close();
    }

    void send(String event, String data) {
        for (Client client : clients) {
            client.write("event: " + event + "\ndata: " + data + "\n\n");
        }
    }

    void ping() {
        for (Client client : clients) {
            client.write(": ping\n\n");
        }
    }

    int open() {
        return clients.size();
    }

    /** Ends every stream, as a restart or a lost connection would; the page should reconnect. */
    void dropAll() {
        for (Client client : clients) {
            client.closed.complete(null);
        }
    }

    private static final class Client {
        private final OutputStream body;
        private final CompletableFuture<Void> closed = new CompletableFuture<>();

        Client(HttpExchange exchange) {
            this.body = exchange.getResponseBody();
        }

        synchronized void write(String text) {
            if (closed.isDone()) {
                return;
            }
            try {
                body.write(text.getBytes(StandardCharsets.UTF_8));
                body.flush();
            } catch (IOException gone) {
                closed.complete(null);
            }
        }
    }
}
