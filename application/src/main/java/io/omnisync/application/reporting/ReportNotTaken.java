package io.omnisync.application.reporting;

/**
 * A reported change could not be made durable (the event log did not acknowledge it in time): the ingress must not
 * acknowledge it, so the sender, which delivers at least once, sends it again. Nothing was claimed.
 */
public final class ReportNotTaken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportNotTaken(String message, Throwable cause) {
        super(message, cause);
    }
}
