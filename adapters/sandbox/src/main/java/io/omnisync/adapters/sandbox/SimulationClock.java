package io.omnisync.adapters.sandbox;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The clock of a simulation: it stands still until a scenario line moves it. */
@Singleton
public class SimulationClock extends Clock {

    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T06:00:00Z");

    private volatile Instant now = DEFAULT_START;

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
