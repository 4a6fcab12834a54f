package io.omnisync.adapters.service.http;

import io.javalin.http.Context;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Every event stream the service holds open: pinged every 15 s (so a reader and the proxies between know the stream
 * is alive, and a reader that went away is noticed), and closed together when the service stops.
 */
@Singleton
public final class EventStreams implements AutoCloseable {

    /** SPEC 10.2: {@code : ping} every 15 s. */
    public static final long PING_SECONDS = 15;

    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "omnisync-stream-ping");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledFuture<?> pings;

    public EventStreams() {
        pings = pinger.scheduleAtFixedRate(this::pingAll, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** Opens a stream as the answer to {@code context} and keeps it until it closes. */
    public EventStream open(Context context) {
        EventStream stream = EventStream.open(context);
        open.add(stream);
        stream.onClose(() -> open.remove(stream));
        if (closing) {
            // the service is stopping (SIGTERM): a stream opened now ends at once, its client reconnects elsewhere
            stream.close();
        }
        return stream;
    }

    public int count() {
        return open.size();
    }

    /** Closes every stream: the service is stopping. */
    /** Closes every open stream, and every one opened from now on (a stopping service takes no new stream). */
    public void closeAll() {
        closing = true;
        open.forEach(EventStream::close);
    }

    @Override
    public void close() {
        closeAll();
        pings.cancel(false);
        pinger.shutdownNow();
    }

    private void pingAll() {
        open.forEach(stream -> stream.comment("ping"));
    }
}
