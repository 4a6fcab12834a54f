package io.omnisync.domain.session;

import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;

/**
 * Where an agent is in the call lifecycle. A call owns On a Call and After Call Work; while it
 * lasts, the Omni-Channel status the agent had before it is remembered so that it can be given
 * back when wrap-up ends ('return to previous status after a call'). A status the agent picks by
 * hand during the call replaces that memory and is marked as her pick: her explicit choice wins
 * after the call whether or not the toggle is on (SPEC 4.8).
 */
public sealed interface CallPhase {

    CallPhase IDLE = new Idle();

    /** The Talkdesk status moved to {@code status}; {@code omniNow} is the Omni status just before. */
    CallPhase next(TalkdeskStatusId status, OmniStatus omniNow);

    /** The agent picked {@code status} in the widget: during a call it becomes the memory, as her pick. */
    CallPhase rememberPick(OmniStatus status);

    default boolean inCall() {
        return !(this instanceof Idle);
    }

    /** The Omni status to return to when the call is over, if one was remembered. */
    Option<OmniStatus> remembered();

    /** Is the memory the agent's own pick during this call (rather than where she was before it)? */
    default boolean picked() {
        return false;
    }

    /** The status the agent picked by hand during this call, if she picked one. */
    default Option<OmniStatus> pick() {
        return picked() ? remembered() : Option.none();
    }

    /** Not in a call. */
    record Idle() implements CallPhase {
        @Override
        public CallPhase next(TalkdeskStatusId status, OmniStatus omniNow) {
            if (status.equals(TalkdeskStatusId.ON_A_CALL)) {
                return new OnCall(Option.some(omniNow), false);
            }
            if (status.equals(TalkdeskStatusId.AFTER_CALL_WORK)) {
                // wrap-up of a call whose start was never seen: nothing to return to
                return new WrapUp(Option.none(), false);
            }
            return this;
        }

        @Override
        public CallPhase rememberPick(OmniStatus status) {
            return this;
        }

        @Override
        public Option<OmniStatus> remembered() {
            return Option.none();
        }

        @Override
        public String toString() {
            return "idle";
        }
    }

    /** Talking: Talkdesk says On a Call. */
    record OnCall(Option<OmniStatus> remembered, boolean picked) implements CallPhase {

        /** A call remembering where the agent was before it (not a pick of hers). */
        public OnCall(Option<OmniStatus> remembered) {
            this(remembered, false);
        }

        @Override
        public CallPhase next(TalkdeskStatusId status, OmniStatus omniNow) {
            if (status.equals(TalkdeskStatusId.ON_A_CALL)) {
                return this;
            }
            if (status.equals(TalkdeskStatusId.AFTER_CALL_WORK)) {
                return new WrapUp(remembered, picked);
            }
            return IDLE;
        }

        @Override
        public CallPhase rememberPick(OmniStatus status) {
            return new OnCall(Option.some(status), true);
        }

        @Override
        public String toString() {
            return "on a call" + CallPhase.memory(this);
        }
    }

    /** Wrapping up: Talkdesk says After Call Work. A second call now keeps the first memory. */
    record WrapUp(Option<OmniStatus> remembered, boolean picked) implements CallPhase {

        /** A wrap-up remembering where the agent was before the call (not a pick of hers). */
        public WrapUp(Option<OmniStatus> remembered) {
            this(remembered, false);
        }

        @Override
        public CallPhase next(TalkdeskStatusId status, OmniStatus omniNow) {
            if (status.equals(TalkdeskStatusId.ON_A_CALL)) {
                return new OnCall(remembered, picked);
            }
            if (status.equals(TalkdeskStatusId.AFTER_CALL_WORK)) {
                return this;
            }
            return IDLE;
        }

        @Override
        public CallPhase rememberPick(OmniStatus status) {
            return new WrapUp(Option.some(status), true);
        }

        @Override
        public String toString() {
            return "wrapping up" + CallPhase.memory(this);
        }
    }

    private static String memory(CallPhase phase) {
        return phase.remembered()
                .map(s -> " (remembers " + s + (phase.picked() ? ", her pick" : "") + ")")
                .getOrElse("");
    }
}
