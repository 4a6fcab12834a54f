package io.omnisync.domain.settings;

import io.vavr.collection.Set;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When the contact center is working. The guide advises turning sync on after business hours,
 * because states start syncing at once; {@code end} is exclusive.
 */
public record BusinessHours(ZoneId timeZone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public BusinessHours {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(timeZone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }
}
