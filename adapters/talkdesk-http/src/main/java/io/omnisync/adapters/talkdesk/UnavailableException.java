package io.omnisync.adapters.talkdesk;

/** Broken I/O on the way to Talkdesk, carried to the one place that turns it into an {@link Unavailable} answer. */
final class UnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Unavailable unavailable;

    UnavailableException(Unavailable unavailable) {
        super(unavailable.reason(), null, false, false);
        this.unavailable = unavailable;
    }

    Unavailable unavailable() {
        return unavailable;
    }
}
