package io.omnisync.adapters.kafka.topology;

import java.util.Objects;

/**
 * The topics of SPEC 13. A deployment uses {@link #OMNISYNC}; tests that share one broker give each topology
 * names of its own with {@link #named}.
 *
 * @param events vendor reports, reconciliations and command answers, keyed by agent id
 * @param configuration the configuration with its run-time settings, compacted, one partition
 * @param talkdeskCommands commands for Talkdesk, keyed by agent id
 * @param omniCommands commands for Omni-Channel, keyed by agent id
 * @param facts the audit trail, keyed by agent id
 */
public record Topics(String events, String configuration, String talkdeskCommands, String omniCommands, String facts) {

    public static final Topics OMNISYNC = named("omnisync");

    public Topics {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(talkdeskCommands, "talkdeskCommands");
        Objects.requireNonNull(omniCommands, "omniCommands");
        Objects.requireNonNull(facts, "facts");
    }

    /** {@code prefix.events}, {@code prefix.configuration}, {@code prefix.commands.talkdesk}, ... */
    public static Topics named(String prefix) {
        return new Topics(
                prefix + ".events",
                prefix + ".configuration",
                prefix + ".commands.talkdesk",
                prefix + ".commands.omni",
                prefix + ".facts");
    }
}
