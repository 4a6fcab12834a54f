package io.omnisync.domain.rules;

import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.util.Objects;

/** What a rule does when its conditions hold: set a status in one of the two systems. */
public sealed interface RuleAction {

    record SetTalkdesk(TalkdeskStatusId status) implements RuleAction {
        public SetTalkdesk {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String toString() {
            return "set Talkdesk to '" + status + "'";
        }
    }

    /** A presence status: a rule can no more log an agent out than the mapping can. */
    record SetOmni(PresenceStatusId status) implements RuleAction {
        public SetOmni {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String toString() {
            return "set Omni-Channel to '" + status + "'";
        }
    }
}
