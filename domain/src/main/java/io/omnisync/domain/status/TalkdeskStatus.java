package io.omnisync.domain.status;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Objects;

/** A Talkdesk agent status: built in, or created by an admin. */
public record TalkdeskStatus(TalkdeskStatusId id, String name, TalkdeskStatusType type) {

    public TalkdeskStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** The statuses every Talkdesk account has; configurations add custom ones. */
    public static Seq<TalkdeskStatus> builtIns() {
        return List.of(
                new TalkdeskStatus(TalkdeskStatusId.AVAILABLE, "Available", TalkdeskStatusType.AVAILABLE),
                new TalkdeskStatus(TalkdeskStatusId.ON_A_CALL, "On a Call", TalkdeskStatusType.BUSY),
                new TalkdeskStatus(TalkdeskStatusId.AFTER_CALL_WORK, "After Call Work", TalkdeskStatusType.BUSY),
                new TalkdeskStatus(TalkdeskStatusId.AWAY, "Away", TalkdeskStatusType.AWAY),
                new TalkdeskStatus(TalkdeskStatusId.OFFLINE, "Offline", TalkdeskStatusType.OFFLINE));
    }
}
