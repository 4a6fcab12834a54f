package io.omnisync.application.vendor;

import io.vavr.control.Option;
import java.time.Duration;

/**
 * A vendor could not be reached or failed: broken I/O, not a business outcome. The command is
 * tried again later; a vendor that said when (an HTTP 429's {@code Retry-After}) is not tried
 * before that.
 */
public class VendorUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public VendorUnavailableException(String message) {
        this(message, (Throwable) null);
    }

    public VendorUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    /** The vendor asked not to be called again for {@code retryAfter}. */
    public VendorUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the vendor asked to be left alone, when it said. */
    public Option<Duration> retryAfter() {
        return Option.of(retryAfter);
    }
}
