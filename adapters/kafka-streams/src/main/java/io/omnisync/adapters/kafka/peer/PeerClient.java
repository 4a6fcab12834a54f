package io.omnisync.adapters.kafka.peer;

import io.omnisync.adapters.kafka.codec.SessionCodec;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance for the sessions it owns ({@link PeerServer}). Every answer that is not a session is {@code
 * Left(why)}: the peer is down, rebalancing, not an address at all, or answered something this release does not
 * read; the caller then answers from its own copy.
 */
public final class PeerClient {

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final HttpClient http;
    private final String authorization;

    /** @param credential the deployment's peer credential ({@link PeerAccess#credential()}) */
    public PeerClient(String credential) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.authorization = PeerServer.BEARER + credential;
    }

    /** Her session as its owner {@code peer} has it; none when nothing was decided for her yet. */
    public Either<String, Option<SessionRecord>> session(HostInfo peer, String agent) {
        return ask(peer, PeerServer.SESSIONS + "/" + agent).join().flatMap(answer -> switch (answer.statusCode()) {
            case 200 -> SessionCodec.decode(answer.body()).map(Option::some);
            case 404 -> Either.right(Option.none());
            default -> Either.left(refusal(peer, answer));
        });
    }

    /** Every session {@code peer} owns. */
    public Either<String, Seq<SessionRecord>> sessions(HostInfo peer) {
        return sessionsAsync(peer).join();
    }

    /** The same without waiting, so that several peers are asked at once; it never completes exceptionally. */
    public CompletableFuture<Either<String, Seq<SessionRecord>>> sessionsAsync(HostInfo peer) {
        return ask(peer, PeerServer.SESSIONS)
                .thenApply(asked -> asked.flatMap(answer ->
                        answer.statusCode() == 200 ? lines(answer.body()) : Either.left(refusal(peer, answer))));
    }

    private static Either<String, Seq<SessionRecord>> lines(byte[] body) {
        List<SessionRecord> read = List.empty();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                if (i > start) {
                    Either<String, SessionRecord> session = SessionCodec.decode(Arrays.copyOfRange(body, start, i));
                    if (session.isLeft()) {
                        return Either.left(session.getLeft());
                    }
                    read = read.prepend(session.get());
                }
                start = i + 1;
            }
        }
        return Either.right(read.reverse());
    }

    /** The peer's answer to a GET of {@code path} (not yet encoded), or why there is none. */
    private CompletableFuture<Either<String, HttpResponse<byte[]>>> ask(HostInfo peer, String path) {
        if (peer.port() <= 0 || peer.port() > 65_535) {
            return CompletableFuture.completedFuture(Either.left(peer + " is not an address to ask: no port"));
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(new URI("http", null, peer.host(), peer.port(), path, null, null))
                    .timeout(ANSWER)
                    .header("Authorization", authorization)
                    .GET()
                    .build();
        } catch (URISyntaxException | IllegalArgumentException notAnAddress) {
            return CompletableFuture.completedFuture(
                    Either.left(peer + " is not an address to ask: " + notAnAddress.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((answer, failure) -> failure == null
                        ? Either.right(answer)
                        : Either.left(peer + " did not answer: " + cause(failure)));
    }

    private static Throwable cause(Throwable failure) {
        return failure.getCause() != null && !(failure instanceof IOException) ? failure.getCause() : failure;
    }

    private static String refusal(HostInfo peer, HttpResponse<byte[]> answer) {
        return peer + " answered " + answer.statusCode() + ": " + new String(answer.body(), StandardCharsets.UTF_8);
    }
}
