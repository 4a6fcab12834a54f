package io.omnisync.domain.session;

import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * What the engine knows of one agent: the statuses each vendor last reported, where the agent is
 * in a call (and the Omni status remembered for afterwards), the changes the engine asked for and
 * expects to see echoed, the latest event applied from each system, the latest event ids, and the
 * Omni-Channel workload.
 */
public record AgentSession(
        AgentId agent,
        TalkdeskStatusId talkdeskStatus,
        OmniStatus omniStatus,
        CallPhase callPhase,
        List<TalkdeskStatusId> expectedTalkdesk,
        List<PresenceStatusId> expectedOmni,
        Option<Instant> latestTalkdeskEvent,
        Option<Instant> latestOmniEvent,
        RecentEventIds recentEventIds,
        int workload) {

    /** How many unanswered commands per system are remembered as awaited echoes. */
    public static final int MAX_EXPECTED = 8;

    public AgentSession {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(talkdeskStatus, "talkdeskStatus");
        Objects.requireNonNull(omniStatus, "omniStatus");
        callPhase = callPhase == null ? CallPhase.IDLE : callPhase;
        expectedTalkdesk = expectedTalkdesk == null ? List.empty() : expectedTalkdesk;
        expectedOmni = expectedOmni == null ? List.empty() : expectedOmni;
        latestTalkdeskEvent = latestTalkdeskEvent == null ? Option.none() : latestTalkdeskEvent;
        latestOmniEvent = latestOmniEvent == null ? Option.none() : latestOmniEvent;
        recentEventIds = recentEventIds == null ? RecentEventIds.none() : recentEventIds;
    }

    /** A new session for an agent as the configuration describes them. */
    public static AgentSession of(Agent agent) {
        return start(agent.id(), agent.talkdeskStatus(), agent.omniStatus());
    }

    public static AgentSession start(AgentId agent, TalkdeskStatusId talkdesk, OmniStatus omni) {
        return new AgentSession(
                agent,
                talkdesk,
                omni,
                CallPhase.IDLE.next(talkdesk, omni),
                List.empty(),
                List.empty(),
                Option.none(),
                Option.none(),
                RecentEventIds.none(),
                0);
    }

    /** Where Talkdesk is heading: the latest status the engine asked for, else the one reported. */
    public TalkdeskStatusId talkdeskNow() {
        return expectedTalkdesk.isEmpty() ? talkdeskStatus : expectedTalkdesk.last();
    }

    /** Where Omni-Channel is heading: the latest status the engine asked for, else the one reported. */
    public OmniStatus omniNow() {
        return expectedOmni.isEmpty() ? omniStatus : expectedOmni.last();
    }

    public boolean inCall() {
        return callPhase.inCall();
    }

    public Option<Instant> latestEvent(VendorSystem system) {
        return system == VendorSystem.TALKDESK ? latestTalkdeskEvent : latestOmniEvent;
    }

    /** Is the event older than the latest one applied from the same system? */
    public boolean isOlderThanLatest(AgentEvent event) {
        Option<Instant> latest = latestEvent(event.system());
        return latest.isDefined() && event.at().isBefore(latest.get());
    }

    /**
     * A Talkdesk report was applied (not an echo): its id and time are remembered, and the status
     * and call phase it leads to are taken, in one copy (this is on every event's path).
     */
    public AgentSession reportedTalkdesk(AgentEvent event, TalkdeskStatusId status, CallPhase phase) {
        return new AgentSession(
                agent,
                status,
                omniStatus,
                phase,
                expectedTalkdesk,
                expectedOmni,
                later(latestTalkdeskEvent, event),
                latestOmniEvent,
                recentEventIds.add(event.id()),
                workload);
    }

    /** An Omni-Channel report was applied (not an echo): id, time and status in one copy. */
    public AgentSession reportedOmni(AgentEvent event, OmniStatus status, CallPhase phase) {
        return new AgentSession(
                agent,
                talkdeskStatus,
                status,
                phase,
                expectedTalkdesk,
                expectedOmni,
                latestTalkdeskEvent,
                later(latestOmniEvent, event),
                recentEventIds.add(event.id()),
                workload);
    }

    /** The echo of a change Omnisync asked Talkdesk for arrived: it and everything asked before it settle. */
    public AgentSession echoedTalkdesk(AgentEvent event, TalkdeskStatusId status) {
        return new AgentSession(
                agent,
                status,
                omniStatus,
                callPhase,
                expectedTalkdesk.drop(expectedTalkdesk.indexOf(status) + 1),
                expectedOmni,
                later(latestTalkdeskEvent, event),
                latestOmniEvent,
                recentEventIds.add(event.id()),
                workload);
    }

    /** The echo of a change Omnisync asked Omni-Channel for arrived. */
    public AgentSession echoedOmni(AgentEvent event, PresenceStatusId status) {
        return new AgentSession(
                agent,
                talkdeskStatus,
                status,
                callPhase,
                expectedTalkdesk,
                expectedOmni.drop(expectedOmni.indexOf(status) + 1),
                latestTalkdeskEvent,
                later(latestOmniEvent, event),
                recentEventIds.add(event.id()),
                workload);
    }

    private static Option<Instant> later(Option<Instant> known, AgentEvent event) {
        return known.isDefined() && !event.at().isAfter(known.get()) ? known : Option.some(event.at());
    }

    /** The event was applied: remember its id and, per system, the latest time seen. */
    public AgentSession applied(AgentEvent event) {
        Option<Instant> known = latestEvent(event.system());
        Option<Instant> latest =
                known.isDefined() && !event.at().isAfter(known.get()) ? known : Option.some(event.at());
        return new AgentSession(
                agent,
                talkdeskStatus,
                omniStatus,
                callPhase,
                expectedTalkdesk,
                expectedOmni,
                event.system() == VendorSystem.TALKDESK ? latest : latestTalkdeskEvent,
                event.system() == VendorSystem.OMNI ? latest : latestOmniEvent,
                recentEventIds.add(event.id()),
                workload);
    }

    public AgentSession withTalkdeskStatus(TalkdeskStatusId status) {
        return new AgentSession(
                agent,
                status,
                omniStatus,
                callPhase,
                expectedTalkdesk,
                expectedOmni,
                latestTalkdeskEvent,
                latestOmniEvent,
                recentEventIds,
                workload);
    }

    public AgentSession withOmniStatus(OmniStatus status) {
        return new AgentSession(
                agent,
                talkdeskStatus,
                status,
                callPhase,
                expectedTalkdesk,
                expectedOmni,
                latestTalkdeskEvent,
                latestOmniEvent,
                recentEventIds,
                workload);
    }

    public AgentSession withCallPhase(CallPhase phase) {
        return new AgentSession(
                agent,
                talkdeskStatus,
                omniStatus,
                phase,
                expectedTalkdesk,
                expectedOmni,
                latestTalkdeskEvent,
                latestOmniEvent,
                recentEventIds,
                workload);
    }

    public AgentSession withWorkload(int units) {
        return new AgentSession(
                agent,
                talkdeskStatus,
                omniStatus,
                callPhase,
                expectedTalkdesk,
                expectedOmni,
                latestTalkdeskEvent,
                latestOmniEvent,
                recentEventIds,
                units);
    }

    /** The engine asked Talkdesk for {@code status}: its report will be an echo. */
    public AgentSession expectingTalkdesk(TalkdeskStatusId status) {
        return withExpected(bounded(expectedTalkdesk.append(status)), expectedOmni);
    }

    /** The engine asked Omni-Channel for {@code status}: its report will be an echo. */
    public AgentSession expectingOmni(PresenceStatusId status) {
        return withExpected(expectedTalkdesk, bounded(expectedOmni.append(status)));
    }

    /** Is a Talkdesk report of {@code status} the echo of a change the engine asked for? */
    public boolean isEchoOf(TalkdeskStatusId status) {
        return !expectedTalkdesk.isEmpty() && expectedTalkdesk.contains(status);
    }

    /** Is an Omni-Channel report of {@code status} the echo of a change the engine asked for? */
    public boolean isEchoOf(OmniStatus status) {
        return !expectedOmni.isEmpty()
                && status instanceof PresenceStatusId presence
                && expectedOmni.contains(presence);
    }

    /** A change the engine asked for will never be echoed (the vendor refused it). */
    public AgentSession notExpectingTalkdesk(TalkdeskStatusId status) {
        return withExpected(expectedTalkdesk.remove(status), expectedOmni);
    }

    public AgentSession notExpectingOmni(PresenceStatusId status) {
        return withExpected(expectedTalkdesk, expectedOmni.remove(status));
    }

    private AgentSession withExpected(List<TalkdeskStatusId> talkdesk, List<PresenceStatusId> omni) {
        return new AgentSession(
                agent,
                talkdeskStatus,
                omniStatus,
                callPhase,
                talkdesk,
                omni,
                latestTalkdeskEvent,
                latestOmniEvent,
                recentEventIds,
                workload);
    }

    private static <T> List<T> bounded(List<T> expected) {
        return expected.size() > MAX_EXPECTED ? expected.drop(expected.size() - MAX_EXPECTED) : expected;
    }

    @Override
    public String toString() {
        return agent + "[talkdesk=" + talkdeskStatus
                + (expectedTalkdesk.isEmpty() ? "" : " (asked " + expectedTalkdesk.mkString(",") + ")")
                + ", omni=" + omniStatus
                + (expectedOmni.isEmpty() ? "" : " (asked " + expectedOmni.mkString(",") + ")")
                + ", " + callPhase + (workload == 0 ? "" : ", workload=" + workload) + "]";
    }
}
