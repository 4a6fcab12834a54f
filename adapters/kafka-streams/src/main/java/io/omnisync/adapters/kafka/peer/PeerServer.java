package io.omnisync.adapters.kafka.peer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.omnisync.adapters.kafka.codec.SessionCodec;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint an instance's peers ask for the sessions it owns: {@code GET /omnisync/peer/sessions/{agent}} (200 with
 * her session as {@link SessionCodec} writes it, 404 when nothing was decided for her yet) and {@code GET
 * /omnisync/peer/sessions} (200, every owned session, one per line). 503 when this instance cannot answer for it now
 * ({@link OwnedSessions}), 401 without the deployment's peer credential ({@link PeerAccess#credential()}). Not part of the public API of SPEC 10: it listens on
 * a port of its own, which Kafka Streams announces to the other instances as this one's {@code application.server}.
 * It listens on every interface: keep the port on the cluster's network (a firewall, a network policy).
 *
 * <p>{@link #bind} takes the port before Kafka Streams is built (the address goes into its configuration); {@link
 * #start} answers once the sessions exist.
 */
public final class PeerServer implements AutoCloseable {

    static final String SESSIONS = "/omnisync/peer/sessions";
    static final String BEARER = "Bearer ";

    private static final Logger log = LoggerFactory.getLogger(PeerServer.class);

    private final HttpServer server;
    private final HostInfo address;
    private final byte[] token;
    private final ExecutorService workers;

    private PeerServer(HttpServer server, HostInfo address, byte[] token) {
        this.server = server;
        this.address = address;
        this.token = token;
        this.workers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "omnisync-peer-queries");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens on every interface at {@code access.port()} (0: a free one); answers nothing until {@link #start}. */
    public static PeerServer bind(PeerAccess access) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(access.port()), 64);
            HostInfo address =
                    new HostInfo(access.advertisedHost(), server.getAddress().getPort());
            return new PeerServer(server, address, (BEARER + access.credential()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for peer queries on port " + access.port(), e);
        }
    }

    /** Where the other instances reach this one: Kafka Streams' {@code application.server}. */
    public HostInfo address() {
        return address;
    }

    /** Answers the peers' questions from {@code sessions}. */
    public PeerServer start(OwnedSessions sessions) {
        server.createContext(SESSIONS, exchange -> answer(exchange, sessions));
        server.setExecutor(workers);
        server.start();
        log.info("answering peer queries at {}:{}", address.host(), address.port());
        return this;
    }

    private void answer(HttpExchange exchange, OwnedSessions sessions) throws IOException {
        try {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null
                    || !MessageDigest.isEqual(token, authorization.getBytes(StandardCharsets.UTF_8))) {
                send(exchange, 401, "text/plain", "a peer query needs the deployment's token");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only");
                return;
            }
            // the path decoded as a URI path is (a '+' stays a '+'); what follows the prefix is the agent's id whole
            String path = exchange.getRequestURI().getPath();
            if (path.equals(SESSIONS)) {
                sendAll(exchange, sessions.allOwned());
            } else if (path.startsWith(SESSIONS + "/") && path.length() > SESSIONS.length() + 1) {
                sendOne(exchange, sessions.owned(path.substring(SESSIONS.length() + 1)));
            } else {
                send(exchange, 404, "text/plain", "no such peer query");
            }
        } catch (RuntimeException broken) {
            log.warn("a peer query failed", broken);
            send(exchange, 500, "text/plain", "the query failed here; this instance's log says why");
        } finally {
            exchange.close();
        }
    }

    private static void sendOne(HttpExchange exchange, Either<String, Option<SessionRecord>> owned) throws IOException {
        if (owned.isLeft()) {
            send(exchange, 503, "text/plain", owned.getLeft());
        } else if (owned.get().isEmpty()) {
            send(exchange, 404, "text/plain", "nothing was decided for this agent yet");
        } else {
            send(
                    exchange,
                    200,
                    "application/json",
                    SessionCodec.encode(owned.get().get()));
        }
    }

    private static void sendAll(HttpExchange exchange, Either<String, Seq<SessionRecord>> owned) throws IOException {
        if (owned.isLeft()) {
            send(exchange, 503, "text/plain", owned.getLeft());
            return;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (SessionRecord session : owned.get()) {
            lines.write(SessionCodec.encode(session));
            lines.write('\n');
        }
        send(exchange, 200, "application/x-ndjson", lines.toByteArray());
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        send(exchange, status, type + "; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
