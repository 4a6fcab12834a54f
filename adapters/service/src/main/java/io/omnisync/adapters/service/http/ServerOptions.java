package io.omnisync.adapters.service.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the service listens and how long a stop waits for requests in flight.
 *
 * @param host the address to bind: {@code 0.0.0.0} (every interface) for a service, {@code 127.0.0.1} in tests
 * @param port the port; 0 picks a free one ({@link JavalinServer#port()} tells which)
 * @param stopTimeout how long SIGTERM waits for requests in flight before the server closes them
 */
public record ServerOptions(String host, int port, Duration stopTimeout) {

    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is not a TCP port (0 picks a free one)");
        }
    }

    /** Every interface, on {@code port}. */
    public static ServerOptions on(int port) {
        return new ServerOptions("0.0.0.0", port, STOP_TIMEOUT);
    }

    /** Loopback only, on a free port: tests. */
    public static ServerOptions loopback() {
        return new ServerOptions("127.0.0.1", 0, STOP_TIMEOUT);
    }
}
