package io.omnisync.adapters.service;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a {@code text/event-stream} answer line by line as it arrives, as a browser's fetch reader would. */
public final class StreamReader implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final HttpResponse<Stream<String>> response;

    private StreamReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(
                () -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    } catch (RuntimeException gone) {
                        // the stream was closed under the reader
                    } finally {
                        ended.complete(null);
                    }
                },
                "test-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code GET uri} with {@code authorization} (null for none) and returns once the headers came. */
    public static StreamReader open(HttpClient client, URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return new StreamReader(client.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the stream did not open", e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until a line matching {@code wanted} arrived; returns it. */
    public String awaitLine(Predicate<String> wanted) {
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(wanted));
        return lines.stream().filter(wanted).findFirst().orElseThrow();
    }

    /** The {@code data:} line right after the first {@code event: <name>} line whose data matches. */
    public String awaitEvent(String name, Predicate<String> data) {
        await().atMost(Duration.ofSeconds(10)).until(() -> findEvent(name, data) != null);
        return findEvent(name, data);
    }

    public boolean hasEnded() {
        return ended.isDone();
    }

    /** Waits until the service ended the stream. */
    public void awaitEnd() {
        await().atMost(Duration.ofSeconds(10)).until(ended::isDone);
    }

    @Override
    public void close() {
        response.body().close();
    }

    private String findEvent(String name, Predicate<String> data) {
        List<String> seen = lines();
        for (int i = 0; i + 1 < seen.size(); i++) {
            if (seen.get(i).equals("event: " + name) && seen.get(i + 1).startsWith("data: ")) {
                String payload = seen.get(i + 1).substring("data: ".length());
                if (data.test(payload)) {
                    return payload;
                }
            }
        }
        return null;
    }
}
