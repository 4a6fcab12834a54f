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
 * expects to see echoed (each with the vendor's latest time when it was asked: its echo comes
 * later), the latest event applied of each kind (Talkdesk statuses, Omni-Channel presence,
 * Omni-Channel work: staleness is judged among reports of the same kind), the latest event ids,
 * and the Omni-Channel workload.
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
        Option<Instant> latestOmniWorkEvent,
        List<Instant> expectedTalkdeskAfter,
        List<Instant> expectedOmniAfter,
        RecentEventIds recentEventIds,
        int workload) {

    /** How many unanswered commands per system are remembered as awaited echoes. */
    public static final int MAX_EXPECTED = 8;

    /** No bound on when an awaited echo may come (a change asked before anything was reported). */
    private static final Instant ANY_TIME = Instant.MIN;

    public AgentSession {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(talkdeskStatus, "talkdeskStatus");
        Objects.requireNonNull(omniStatus, "omniStatus");
        callPhase = callPhase == null ? CallPhase.IDLE : callPhase;
        expectedTalkdesk = expectedTalkdesk == null ? List.empty() : expectedTalkdesk;
        expectedOmni = expectedOmni == null ? List.empty() : expectedOmni;
        latestTalkdeskEvent = latestTalkdeskEvent == null ? Option.none() : latestTalkdeskEvent;
        latestOmniEvent = latestOmniEvent == null ? Option.none() : latestOmniEvent;
        latestOmniWorkEvent = latestOmniWorkEvent == null ? Option.none() : latestOmniWorkEvent;
        expectedTalkdeskAfter = aligned(expectedTalkdeskAfter, expectedTalkdesk.size());
        expectedOmniAfter = aligned(expectedOmniAfter, expectedOmni.size());
        recentEventIds = recentEventIds == null ? RecentEventIds.none() : recentEventIds;
    }

    /**
     * A session as stores written before the work clock and the times of awaited changes were
     * kept read back: those not known (any report of an awaited status may be its echo).
     */
    public AgentSession(
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
        this(
                agent,
                talkdeskStatus,
                omniStatus,
                callPhase,
                expectedTalkdesk,
                expectedOmni,
                latestTalkdeskEvent,
                latestOmniEvent,
                Option.none(),
                List.empty(),
                List.empty(),
                recentEventIds,
                workload);
    }

    /** One time per awaited change; times not known are no bound. */
    private static List<Instant> aligned(List<Instant> after, int size) {
        List<Instant> known = after == null ? List.empty() : after;
        if (known.size() == size) {
            return known;
        }
        return known.size() > size
                ? known.drop(known.size() - size)
                : known.prependAll(List.fill(size - known.size(), ANY_TIME));
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
                Option.none(),
                List.empty(),
                List.empty(),
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

    /**
     * The latest event applied of the same kind as {@code event}: Talkdesk statuses, Omni-Channel
     * presence, or Omni-Channel work (workload and accepted work). A workload report says nothing
     * about the presence, so it never makes a presence report stale, nor the other way round.
     */
    public Option<Instant> latestOfKind(AgentEvent event) {
        if (event.system() == VendorSystem.TALKDESK) {
            return latestTalkdeskEvent;
        }
        return event instanceof AgentEvent.OmniStatusReported ? latestOmniEvent : latestOmniWorkEvent;
    }

    /** Is the event older than the latest one applied of the same kind? */
    public boolean isOlderThanLatest(AgentEvent event) {
        Option<Instant> latest = latestOfKind(event);
        return latest.isDefined() && event.at().isBefore(latest.get());
    }

    /**
     * Is the report the echo of a change the engine asked for and still awaits? It names the
     * status asked for, and it is not older than what the vendor had reported when it was asked
     * (a vendor makes the change after it is asked, so its report comes later; an older report of
     * the same status is the late echo of an earlier change, already settled).
     */
    public boolean isEcho(AgentEvent event) {
        return echoIndex(event) >= 0;
    }

    private int echoIndex(AgentEvent event) {
        if (event instanceof AgentEvent.TalkdeskStatusReported talkdesk) {
            return awaited(expectedTalkdesk, expectedTalkdeskAfter, talkdesk.status(), event.at());
        }
        if (event instanceof AgentEvent.OmniStatusReported omni && omni.status() instanceof PresenceStatusId p) {
            return awaited(expectedOmni, expectedOmniAfter, p, event.at());
        }
        return -1;
    }

    private static <T> int awaited(List<T> expected, List<Instant> after, T status, Instant at) {
        int i = 0;
        for (T asked : expected) {
            if (asked.equals(status) && !at.isBefore(after.get(i))) {
                return i;
            }
            i++;
        }
        return -1;
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
                latestOmniWorkEvent,
                expectedTalkdeskAfter,
                expectedOmniAfter,
                recentEventIds.add(event.id()),
                workload);
    }

    /** An Omni-Channel presence report was applied (not an echo): id, time and status in one copy. */
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
                latestOmniWorkEvent,
                expectedTalkdeskAfter,
                expectedOmniAfter,
                recentEventIds.add(event.id()),
                workload);
    }

    /**
     * The echo of a change Omnisync asked for arrived ({@link #isEcho}): it and every change asked
     * before it settle (a vendor makes one agent's changes in order). If it is newer than the
     * latest report of its kind, the vendor now shows its status; if it is older (it comes late,
     * after a newer change of the agent's own), the newer status stands.
     */
    public AgentSession echoed(AgentEvent event) {
        int index = echoIndex(event);
        if (index < 0) {
            throw new IllegalArgumentException(event + " is no echo of a change awaited by " + this);
        }
        boolean late = isOlderThanLatest(event);
        boolean talkdesk = event.system() == VendorSystem.TALKDESK;
        TalkdeskStatusId newTalkdesk =
                talkdesk && !late ? ((AgentEvent.TalkdeskStatusReported) event).status() : talkdeskStatus;
        OmniStatus newOmni = !talkdesk && !late ? ((AgentEvent.OmniStatusReported) event).status() : omniStatus;
        return new AgentSession(
                agent,
                newTalkdesk,
                newOmni,
                callPhase,
                talkdesk ? expectedTalkdesk.drop(index + 1) : expectedTalkdesk,
                talkdesk ? expectedOmni : expectedOmni.drop(index + 1),
                talkdesk ? later(latestTalkdeskEvent, event) : latestTalkdeskEvent,
                talkdesk ? latestOmniEvent : later(latestOmniEvent, event),
                latestOmniWorkEvent,
                talkdesk ? remainingAfter(expectedTalkdeskAfter, index, event) : expectedTalkdeskAfter,
                talkdesk ? expectedOmniAfter : remainingAfter(expectedOmniAfter, index, event),
                recentEventIds.add(event.id()),
                workload);
    }

    /**
     * The bounds of the changes still awaited once the change at {@code index} was echoed. If the
     * echo settled changes asked before it whose own echoes have not come, those echoes will come
     * late, older than this one; the changes asked after it are made after it, so their echoes
     * come later than this one: an older report of their status is not theirs.
     */
    private static List<Instant> remainingAfter(List<Instant> after, int index, AgentEvent echo) {
        List<Instant> remaining = after.drop(index + 1);
        return index == 0 ? remaining : remaining.map(bound -> bound.isAfter(echo.at()) ? bound : echo.at());
    }

    private static Option<Instant> later(Option<Instant> known, AgentEvent event) {
        return known.isDefined() && !event.at().isAfter(known.get()) ? known : Option.some(event.at());
    }

    /** The event was applied: remember its id and the latest time seen of its kind. */
    public AgentSession applied(AgentEvent event) {
        boolean talkdesk = event.system() == VendorSystem.TALKDESK;
        boolean presence = event instanceof AgentEvent.OmniStatusReported;
        return new AgentSession(
                agent,
                talkdeskStatus,
                omniStatus,
                callPhase,
                expectedTalkdesk,
                expectedOmni,
                talkdesk ? later(latestTalkdeskEvent, event) : latestTalkdeskEvent,
                !talkdesk && presence ? later(latestOmniEvent, event) : latestOmniEvent,
                !talkdesk && !presence ? later(latestOmniWorkEvent, event) : latestOmniWorkEvent,
                expectedTalkdeskAfter,
                expectedOmniAfter,
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
                latestOmniWorkEvent,
                expectedTalkdeskAfter,
                expectedOmniAfter,
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
                latestOmniWorkEvent,
                expectedTalkdeskAfter,
                expectedOmniAfter,
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
                latestOmniWorkEvent,
                expectedTalkdeskAfter,
                expectedOmniAfter,
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
                latestOmniWorkEvent,
                expectedTalkdeskAfter,
                expectedOmniAfter,
                recentEventIds,
                units);
    }

    /**
     * The engine asked Talkdesk for {@code status}: its report will be an echo, later than
     * anything Talkdesk had reported by then.
     */
    public AgentSession expectingTalkdesk(TalkdeskStatusId status) {
        return withExpected(
                bounded(expectedTalkdesk.append(status)),
                bounded(expectedTalkdeskAfter.append(latestTalkdeskEvent.getOrElse(ANY_TIME))),
                expectedOmni,
                expectedOmniAfter);
    }

    /** The engine asked Omni-Channel for {@code status}: its report will be an echo. */
    public AgentSession expectingOmni(PresenceStatusId status) {
        return withExpected(
                expectedTalkdesk,
                expectedTalkdeskAfter,
                bounded(expectedOmni.append(status)),
                bounded(expectedOmniAfter.append(latestOmniEvent.getOrElse(ANY_TIME))));
    }

    /** Does the engine await a Talkdesk report of {@code status} (the echo of a change it asked for)? */
    public boolean isEchoOf(TalkdeskStatusId status) {
        return !expectedTalkdesk.isEmpty() && expectedTalkdesk.contains(status);
    }

    /** A change the engine asked for will never be echoed (the vendor refused it). */
    public AgentSession notExpectingTalkdesk(TalkdeskStatusId status) {
        int index = expectedTalkdesk.indexOf(status);
        return index < 0
                ? this
                : withExpected(
                        expectedTalkdesk.removeAt(index),
                        expectedTalkdeskAfter.removeAt(index),
                        expectedOmni,
                        expectedOmniAfter);
    }

    public AgentSession notExpectingOmni(PresenceStatusId status) {
        int index = expectedOmni.indexOf(status);
        return index < 0
                ? this
                : withExpected(
                        expectedTalkdesk,
                        expectedTalkdeskAfter,
                        expectedOmni.removeAt(index),
                        expectedOmniAfter.removeAt(index));
    }

    private AgentSession withExpected(
            List<TalkdeskStatusId> talkdesk,
            List<Instant> talkdeskAfter,
            List<PresenceStatusId> omni,
            List<Instant> omniAfter) {
        return new AgentSession(
                agent,
                talkdeskStatus,
                omniStatus,
                callPhase,
                talkdesk,
                omni,
                latestTalkdeskEvent,
                latestOmniEvent,
                latestOmniWorkEvent,
                talkdeskAfter,
                omniAfter,
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
