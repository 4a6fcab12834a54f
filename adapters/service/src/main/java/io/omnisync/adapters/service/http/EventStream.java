package io.omnisync.adapters.service.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One open {@code text/event-stream} response (server-sent events): headers and a {@code : ping} comment flushed at
 * once, then events written by whoever holds it, from any thread, until it is closed by the service or the reader
 * goes away (a write fails). Uncompressed, with {@code Cache-Control: no-cache, no-transform} and {@code
 * X-Accel-Buffering: no} so that no proxy holds events back. The request stays open, without a thread, until {@link
 * #close()}.
 */
public final class EventStream {

    private final HttpServletResponse response;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final List<Runnable> onClose = new ArrayList<>();

    private EventStream(HttpServletResponse response) {
        this.response = response;
    }

    /** Opens the stream as the answer to {@code context}; call it from the request's handler. */
    public static EventStream open(Context context) {
        HttpServletResponse response = context.res();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no");
        EventStream stream = new EventStream(response);
        stream.comment("ping");
        context.future(() -> stream.closed);
        return stream;
    }

    /** One event: {@code event:} and one {@code data:} line per line of {@code data}. False once the stream is closed. */
    public boolean send(String event, String data) {
        return send(null, event, data);
    }

    /** The same with an {@code id:} line first (the console's command ids, for Last-Event-ID). */
    public boolean send(String id, String event, String data) {
        StringBuilder frame = new StringBuilder();
        if (id != null) {
            frame.append("id: ").append(oneLine(id)).append('\n');
        }
        frame.append("event: ").append(oneLine(event)).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return write(frame.append('\n').toString());
    }

    /** A comment line ({@code : ping}), which readers ignore and which keeps proxies and readers from timing out. */
    public boolean comment(String text) {
        return write(": " + oneLine(text) + "\n\n");
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /** Ends the response; the reader sees the stream end. Closing twice does nothing. */
    public void close() {
        List<Runnable> listeners;
        synchronized (this) {
            if (closed.isDone()) {
                return;
            }
            closed.complete(null);
            listeners = List.copyOf(onClose);
        }
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} once the stream is closed (at once if it already is). */
    public void onClose(Runnable listener) {
        synchronized (this) {
            if (!closed.isDone()) {
                onClose.add(listener);
                return;
            }
        }
        listener.run();
    }

    private boolean write(String text) {
        synchronized (this) {
            if (closed.isDone()) {
                return false;
            }
            try {
                response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
                response.flushBuffer();
                return true;
            } catch (IOException | IllegalStateException gone) {
                // the reader went away
            }
        }
        close();
        return false;
    }

    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\n", "");
    }
}
