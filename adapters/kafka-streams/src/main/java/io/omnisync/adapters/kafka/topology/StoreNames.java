package io.omnisync.adapters.kafka.topology;

/** The state stores of the topology; with application id {@code omnisync}, changelogs are {@code omnisync-<name>-changelog}. */
public final class StoreNames {

    /** Each agent's session (persistent, changelogged): {@code SessionRecord} by agent id. */
    public static final String SESSIONS = "sessions";

    /** Each agent's records waiting for a newer configuration (persistent, changelogged). */
    public static final String PARKED = "parked";

    /** The running configuration, a global store fed by the configuration topic (its own changelog). */
    public static final String CONFIGURATION = "configuration";

    /** The repartition topic for records whose key is not their agent: {@code omnisync-events-by-agent-repartition}. */
    public static final String EVENTS_BY_AGENT = "events-by-agent";

    private StoreNames() {}
}
