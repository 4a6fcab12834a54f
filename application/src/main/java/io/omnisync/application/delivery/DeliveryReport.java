package io.omnisync.application.delivery;

/**
 * One round of delivery: how many commands vendors accepted, refused for good, took to answer
 * later, and how many newer ones superseded; {@code stillPending} are in the outbox after it
 * (waiting for their time, or for a vendor's answer).
 */
public record DeliveryReport(int accepted, int refused, int dispatched, int superseded, int stillPending) {

    public static final DeliveryReport NOTHING = new DeliveryReport(0, 0, 0, 0, 0);

    public DeliveryReport plus(DeliveryReport other) {
        return new DeliveryReport(
                accepted + other.accepted,
                refused + other.refused,
                dispatched + other.dispatched,
                superseded + other.superseded,
                stillPending + other.stillPending);
    }
}
