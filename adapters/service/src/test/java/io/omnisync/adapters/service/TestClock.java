package io.omnisync.adapters.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: it ticks with real time (delivery backoffs and Retry-After waits must pass) from
 * where the test puts it, and a test may move it (to a business hour, past a signature's window).
 */
public final class TestClock extends Clock {

    private final Clock real = Clock.systemUTC();
    private volatile Duration offset;

    public TestClock(Instant start) {
        this.offset = Duration.between(real.instant(), start);
    }

    public void set(Instant instant) {
        offset = Duration.between(real.instant(), instant);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
