package io.omnisync.adapters.cli;

import io.omnisync.application.store.PendingCommand;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import java.time.Instant;

/** Where a simulation tells what happened, in order: a human timeline or JSON lines. */
interface Timeline {

    /** A scenario line was applied to a sandbox or to the admin settings. */
    void happened(int line, Instant at, String what);

    /** A vendor refused what the agent tried (its own rules); the engine never heard of it. */
    void vendorRefused(int line, String agent, String reason);

    /**
     * Talkdesk offered the agent a call: it rang ({@code rings}), so she could take it, or Talkdesk
     * routed it to no one in her status; {@code detail} says which status, in words.
     */
    void callOffered(int line, String agent, boolean rings, String detail);

    /** What the engine did about it. */
    void facts(Seq<Fact> facts);

    /** Commands a failing vendor still has not taken. */
    void pending(Seq<PendingCommand> pending);

    /** Where every agent ended up in both systems, as the vendors say. */
    void finished(Seq<AgentSession> agents, java.util.function.Function<AgentSession, String[]> vendorStatuses);
}
