package io.omnisync.application.delivery;

/** One round of sending: how many commands vendors accepted, refused for good, and how many still wait. */
public record SendReport(int accepted, int refused, int stillPending) {

    public static final SendReport NOTHING = new SendReport(0, 0, 0);
}
