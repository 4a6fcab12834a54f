package io.omnisync.console.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in of Omnisync's console endpoints (SPEC 10.2) for one agent, on loopback, that a test
 * steers: {@code GET /console/commands} (an event stream that can push commands, be cut, stall or be
 * replaced), {@code POST /console/events} (recorded), the Bearer check, CORS for the test console's
 * origin, and the bridge script at {@code /console/omnisync-bridge.js}. It can go down and come back
 * on the same port, keeping the outstanding command as the real service keeps its outbox.
 */
public final class StandInOmnisync implements AutoCloseable {
    public static final String BRIDGE_PATH = "/console/omnisync-bridge.js";
    private static final String BRIDGE_RESOURCE = "omnisync/console/omnisync-bridge.js";
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final String PING = ": ping\n\n";

    private final Tokens tokens;
    private final String consoleOrigin;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService handlers = Http.threadPerRequest("stand-in-omnisync");
    private final List<String> requestedUris = new CopyOnWriteArrayList<>();
    private final List<ConsolePost> posts = new CopyOnWriteArrayList<>();
    private final List<CommandStream> streams = new CopyOnWriteArrayList<>();
    private final Set<String> knownCommandIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger postsToFail = new AtomicInteger();
    private final int port;
    private volatile Duration pingInterval = Duration.ofSeconds(15);
    private volatile HttpServer server;

    // Guarded by this: the agent's outstanding command (SPEC 10.2: at most one, the latest) and her open stream.
    private String outstandingId;
    private String outstandingEvent;
    private OpenStream current;

    private StandInOmnisync(Tokens tokens, String consoleOrigin) {
        this.tokens = tokens;
        this.consoleOrigin = consoleOrigin;
        this.server = Http.loopbackServer(0, handlers);
        this.port = server.getAddress().getPort();
        listen();
    }

    /**
     * Starts the stand-in on a free loopback port.
     *
     * @param consoleOrigin the one origin CORS answers (the test console's), e.g. http://127.0.0.1:4321
     */
    public static StandInOmnisync start(Tokens tokens, String consoleOrigin) {
        return new StandInOmnisync(tokens, consoleOrigin);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    // ---- steering -------------------------------------------------------------------------

    /** Makes a command the agent's outstanding one and sends it on her stream, if she has one. */
    public synchronized void pushCommand(String commandId, String statusId, String statusApiName) {
        ObjectNode data = json.createObjectNode()
                .put("commandId", commandId)
                .put("statusId", statusId)
                .put("statusApiName", statusApiName);
        knownCommandIds.add(commandId);
        outstandingId = commandId;
        outstandingEvent = "id: " + commandId + "\nevent: setPresenceStatus\ndata: " + data + "\n\n";
        if (current != null) {
            current.send(outstandingEvent);
        }
    }

    public synchronized Optional<String> outstandingCommand() {
        return Optional.ofNullable(outstandingId);
    }

    /** Sends text as it is, one piece per write and flush, on the open stream (for a command known by its id). */
    public synchronized void sendInPieces(String commandId, String... pieces) {
        knownCommandIds.add(commandId);
        if (current == null) {
            throw new IllegalStateException("no console is connected");
        }
        for (String piece : pieces) {
            current.send(piece);
        }
    }

    /** Omnisync ends the stream (as when the token expires); the service stays up. */
    public synchronized void cutStream() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** Another console of the same agent connected: this one gets {@code event: replaced} and is closed. */
    public synchronized void replaceStream() {
        if (current != null) {
            current.send("event: replaced\ndata: {}\n\n");
            current.close();
            current = null;
        }
    }

    /** The open stream goes silent: no more pings, the connection stays open. */
    public synchronized void stallStream() {
        if (current != null) {
            current.stalled = true;
        }
    }

    public void pingEvery(Duration interval) {
        pingInterval = interval;
    }

    /** The next {@code count} event posts get 503 and are not recorded. */
    public void failNextPosts(int count) {
        postsToFail.set(count);
    }

    /** The service goes away: streams closed, nothing listens on the port. */
    public void goDown() {
        cutStream();
        server.stop(0);
    }

    /** The service is back on the same port, with the same outstanding command. */
    public void comeBack() {
        server = Http.loopbackServer(port, handlers);
        listen();
    }

    // ---- what happened --------------------------------------------------------------------

    public List<ConsolePost> posts() {
        return List.copyOf(posts);
    }

    public List<ConsolePost> posts(String type) {
        return posts.stream().filter(post -> post.type().equals(type)).toList();
    }

    public List<CommandStream> streams() {
        return List.copyOf(streams);
    }

    /** Path and query of every request, in order (tokens must never be in one). */
    public List<String> requestedUris() {
        return List.copyOf(requestedUris);
    }

    @Override
    public void close() {
        cutStream();
        server.stop(0);
        handlers.shutdownNow();
    }

    // ---- the endpoints --------------------------------------------------------------------

    private void listen() {
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            requestedUris.add(exchange.getRequestURI().toString());
            boolean fromConsole =
                    consoleOrigin.equals(exchange.getRequestHeaders().getFirst("Origin"));
            Headers headers = exchange.getResponseHeaders();
            if (fromConsole) {
                headers.set("Access-Control-Allow-Origin", consoleOrigin);
                headers.set("Vary", "Origin");
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("OPTIONS")) {
                if (fromConsole) {
                    headers.set("Access-Control-Allow-Methods", "GET, POST");
                    headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type, Last-Event-ID");
                    headers.set("Access-Control-Max-Age", "600");
                }
                Http.respond(exchange, 204, "", new byte[0]);
            } else if (method.equals("GET") && path.equals("/console/commands")) {
                commands(exchange);
            } else if (method.equals("POST") && path.equals("/console/events")) {
                events(exchange);
            } else if (method.equals("GET") && path.equals(BRIDGE_PATH)) {
                bridgeScript(exchange);
            } else {
                Http.error(exchange, 404, "NOT_FOUND", method + " " + path);
            }
        } finally {
            exchange.close();
        }
    }

    private Optional<String> bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        String token = authorization.substring("Bearer ".length());
        return tokens.accepts(token) ? Optional.of(token) : Optional.empty();
    }

    private void commands(HttpExchange exchange) throws IOException {
        Optional<String> token = bearer(exchange);
        if (token.isEmpty()) {
            Http.error(exchange, 401, "UNAUTHORIZED", "a valid Bearer token is needed");
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/event-stream");
        headers.set("Cache-Control", "no-cache, no-transform");
        headers.set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        OpenStream stream = new OpenStream();
        OutputStream body = exchange.getResponseBody();
        write(body, PING);
        open(stream, token.get(), exchange.getRequestHeaders().getFirst("Last-Event-ID"));
        try {
            while (true) {
                Optional<String> next = stream.writes.poll(pingInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (!stream.stalled) {
                        write(body, PING);
                    }
                } else if (next.isEmpty()) {
                    return;
                } else {
                    write(body, next.get());
                }
            }
        } catch (IOException gone) {
            // the console went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            forget(stream);
        }
    }

    /** One stream per agent: the new one replaces the old; the outstanding command is sent on connect. */
    private synchronized void open(OpenStream stream, String token, String lastEventId) {
        if (current != null) {
            current.send("event: replaced\ndata: {}\n\n");
            current.close();
        }
        current = stream;
        streams.add(new CommandStream(streams.size() + 1, token, lastEventId));
        if (outstandingEvent != null) {
            stream.send(outstandingEvent);
        }
    }

    private synchronized void forget(OpenStream stream) {
        if (current == stream) {
            current = null;
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (raw.length > MAX_BODY_BYTES) {
            Http.error(exchange, 413, "PAYLOAD_TOO_LARGE", "over 1 MiB");
            return;
        }
        Optional<String> token = bearer(exchange);
        if (token.isEmpty()) {
            Http.error(exchange, 401, "UNAUTHORIZED", "a valid Bearer token is needed");
            return;
        }
        if (postsToFail.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            Http.error(exchange, 503, "UNAVAILABLE", "the stand-in was told to fail this post");
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(new String(raw, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            Http.error(exchange, 400, "BAD_REQUEST", "malformed JSON");
            return;
        }
        if (body == null || !body.isObject() || !body.path("type").isTextual()) {
            Http.error(exchange, 400, "BAD_REQUEST", "type");
            return;
        }
        if (body.path("type").asText().equals("commandResult")) {
            String commandId = body.path("commandId").asText();
            if (!knownCommandIds.contains(commandId)) {
                Http.error(exchange, 404, "NOT_FOUND", "no command " + commandId + " for this agent");
                return;
            }
            settle(commandId);
        }
        posts.add(new ConsolePost(token.get(), body));
        Http.json(exchange, 202, "{\"status\":\"accepted\"}");
    }

    private synchronized void settle(String commandId) {
        if (commandId.equals(outstandingId)) {
            outstandingId = null;
            outstandingEvent = null;
        }
    }

    private void bridgeScript(HttpExchange exchange) throws IOException {
        Optional<byte[]> script = Http.classpathResource(BRIDGE_RESOURCE);
        if (script.isEmpty()) {
            Http.error(exchange, 404, "NOT_FOUND", BRIDGE_RESOURCE + " is not on the classpath");
            return;
        }
        Http.respond(exchange, 200, "text/javascript; charset=utf-8", script.get());
    }

    private static void write(OutputStream body, String text) throws IOException {
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    /** What the test wants written on one open stream, in order. */
    private static final class OpenStream {
        /** Text to write, or empty: close the stream. */
        final BlockingQueue<Optional<String>> writes = new LinkedBlockingQueue<>();

        volatile boolean stalled;

        void send(String text) {
            writes.add(Optional.of(text));
        }

        void close() {
            writes.add(Optional.empty());
        }
    }
}
