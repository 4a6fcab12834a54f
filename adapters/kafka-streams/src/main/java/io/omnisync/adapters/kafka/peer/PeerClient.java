package io.omnisync.adapters.kafka.peer;

import io.omnisync.adapters.kafka.codec.SessionCodec;
import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance for the sessions it owns ({@link PeerServer}). Every answer that is not a session is {@code
 * Left(why)}: the peer is down, rebalancing, or answered something this release does not read; the caller then
 * answers from its own copy.
 */
public final class PeerClient {

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final HttpClient http;
    private final String authorization;

    public PeerClient(String token) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.authorization = PeerServer.BEARER + token;
    }

    /** Her session as its owner {@code peer} has it; none when nothing was decided for her yet. */
    public Either<String, Option<SessionRecord>> session(HostInfo peer, String agent) {
        String path = PeerServer.SESSIONS + "/"
                + URLEncoder.encode(agent, StandardCharsets.UTF_8).replace("+", "%20");
        return get(peer, path).flatMap(answer -> switch (answer.statusCode()) {
            case 200 -> SessionCodec.decode(answer.body()).map(Option::some);
            case 404 -> Either.right(Option.none());
            default -> Either.left(refusal(peer, answer));
        });
    }

    /** Every session {@code peer} owns. */
    public Either<String, Seq<SessionRecord>> sessions(HostInfo peer) {
        return get(peer, PeerServer.SESSIONS)
                .flatMap(answer ->
                        answer.statusCode() == 200 ? lines(answer.body()) : Either.left(refusal(peer, answer)));
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

    private Either<String, HttpResponse<byte[]>> get(HostInfo peer, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port() + path))
                .timeout(ANSWER)
                .header("Authorization", authorization)
                .GET()
                .build();
        try {
            return Either.right(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException unreachable) {
            return Either.left(peer + " did not answer: " + unreachable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left("interrupted while asking " + peer);
        }
    }

    private static String refusal(HostInfo peer, HttpResponse<byte[]> answer) {
        return peer + " answered " + answer.statusCode() + ": " + new String(answer.body(), StandardCharsets.UTF_8);
    }
}
