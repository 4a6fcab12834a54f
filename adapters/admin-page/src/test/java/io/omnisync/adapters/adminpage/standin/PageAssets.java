package io.omnisync.adapters.adminpage.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The admin page's files from the classpath ({@code omnisync/admin/}, as the module's jar has them),
 * served the way the service should: {@code /} is index.html, under a strict Content-Security-Policy
 * (the page needs no inline script or style and talks only to its own origin).
 */
final class PageAssets {

    static final String ROOT = "omnisync/admin";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    void serve(HttpExchange exchange, String path) throws IOException {
        String file = path.equals("/") ? "/index.html" : path;
        String extension = file.substring(file.lastIndexOf('.') + 1);
        InputStream stream = file.contains("..") || !exchange.getRequestMethod().equals("GET")
                ? null
                : PageAssets.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (stream == null || !TYPES.containsKey(extension)) {
            byte[] body = "{\"error\":\"NOT_FOUND\",\"message\":\"no such page\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        try (stream) {
            byte[] body = stream.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(extension));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
