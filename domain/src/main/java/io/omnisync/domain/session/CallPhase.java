package io.omnisync.domain.session;

import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;

/**
 * Where an agent is in the call lifecycle. A call owns On a Call and After Call Work; while it
 * lasts, the Omni-Channel status the agent had before it is remembered so that it can be given
 * back when wrap-up ends ('return to previous status after a call').
 */
public sealed interface CallPhase {

    CallPhase IDLE = new Idle();

    /** The Talkdesk status moved to {@code status}; {@code omniNow} is the Omni status just before. */
    CallPhase next(TalkdeskStatusId status, OmniStatus omniNow);

    /** The agent picked {@code status} in the widget: during a call it becomes the memory. */
    CallPhase rememberPick(OmniStatus status);

    default boolean inCall() {
        return !(this instanceof Idle);
    }

    /** The Omni status to return to when the call is over, if one was remembered. */
    Option<OmniStatus> remembered();

    /** Not in a call. */
    record Idle() implements CallPhase {
        @Override
        public CallPhase next(TalkdeskStatusId status, OmniStatus omniNow) {
            if (status.equals(TalkdeskStatusId.ON_A_CALL)) {
                return new OnCall(Option.some(omniNow));
            }
            if (status.equals(TalkdeskStatusId.AFTER_CALL_WORK)) {
                // wrap-up of a call whose start was never seen: nothing to return to
                return new WrapUp(Option.none());
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
    record OnCall(Option<OmniStatus> remembered) implements CallPhase {
        @Override
        public CallPhase next(TalkdeskStatusId status, OmniStatus omniNow) {
            if (status.equals(TalkdeskStatusId.ON_A_CALL)) {
                return this;
            }
            if (status.equals(TalkdeskStatusId.AFTER_CALL_WORK)) {
                return new WrapUp(remembered);
            }
            return IDLE;
        }

        @Override
        public CallPhase rememberPick(OmniStatus status) {
            return new OnCall(Option.some(status));
        }

        @Override
        public String toString() {
            return "on a call" + remembered.map(s -> " (remembers " + s + ")").getOrElse("");
        }
    }

    /** Wrapping up: Talkdesk says After Call Work. A second call now keeps the first memory. */
    record WrapUp(Option<OmniStatus> remembered) implements CallPhase {
        @Override
        public CallPhase next(TalkdeskStatusId status, OmniStatus omniNow) {
            if (status.equals(TalkdeskStatusId.ON_A_CALL)) {
                return new OnCall(remembered);
            }
            if (status.equals(TalkdeskStatusId.AFTER_CALL_WORK)) {
                return this;
            }
            return IDLE;
        }

        @Override
        public CallPhase rememberPick(OmniStatus status) {
            return new WrapUp(Option.some(status));
        }

        @Override
        public String toString() {
            return "wrapping up" + remembered.map(s -> " (remembers " + s + ")").getOrElse("");
        }
    }
}
