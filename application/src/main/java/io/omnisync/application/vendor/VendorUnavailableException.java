package io.omnisync.application.vendor;

/** A vendor could not be reached or failed: broken I/O, not a business outcome. The call may be retried. */
public class VendorUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VendorUnavailableException(String message) {
        super(message);
    }

    public VendorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
