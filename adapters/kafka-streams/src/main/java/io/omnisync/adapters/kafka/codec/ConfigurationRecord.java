package io.omnisync.adapters.kafka.codec;

import io.omnisync.domain.configuration.ConfigurationDraft;
import java.util.Objects;

/**
 * A record of the configuration topic ({@code omnisync.configuration}, compacted, one partition): the whole
 * configuration with its run-time settings, as the configuration file writes it, after an admin change.
 * Its <em>version</em> is its offset in the topic, which the broker assigns and every instance reads alike;
 * {@code basedOn} is the version it was derived from ({@link #NONE} for the first), {@code change} what the
 * admin did ({@code replace}, {@code sync}, {@code returnToPreviousStatusAfterCall}, {@code nextAgentStatus},
 * {@code rule}).
 */
public record ConfigurationRecord(ConfigurationDraft draft, long basedOn, String change) {

    /** No configuration (yet): before the first record, and what a value that names none says. */
    public static final long NONE = -1L;

    public ConfigurationRecord {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(change, "change");
    }
}
