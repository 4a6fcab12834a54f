package io.omnisync.adapters.talkdesk;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/** One HTTP exchange with Talkdesk; its I/O failures become {@link Unavailable} reasons that name no secret. */
final class HttpExchange {

    private HttpExchange() {}

    /**
     * @param peer who is called, for the reason: "the Talkdesk token endpoint", "the Talkdesk API"
     */
    static HttpResponse<String> send(HttpClient http, HttpRequest request, String peer, TalkdeskTimeouts timeouts)
            throws UnavailableException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw unavailable("could not connect to " + peer + " within " + timeouts.connect());
        } catch (HttpTimeoutException e) {
            throw unavailable("no answer from " + peer + " within " + timeouts.request());
        } catch (ConnectException e) {
            throw unavailable(
                    "could not connect to " + peer + " at " + request.uri().getAuthority());
        } catch (IOException e) {
            throw unavailable(
                    "I/O error talking to " + peer + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for " + peer);
        }
    }

    private static UnavailableException unavailable(String reason) {
        return new UnavailableException(Unavailable.because(reason));
    }
}
