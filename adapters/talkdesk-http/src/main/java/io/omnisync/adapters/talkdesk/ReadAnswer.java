package io.omnisync.adapters.talkdesk;

import java.util.Objects;

/** What Talkdesk answered to a read: the value, or why there is none. */
public sealed interface ReadAnswer<T> permits ReadAnswer.Read, ReadAnswer.NotRead {

    record Read<T>(T value) implements ReadAnswer<T> {
        public Read {
            Objects.requireNonNull(value, "value");
        }
    }

    record NotRead<T>(TalkdeskFailure failure) implements ReadAnswer<T> {
        public NotRead {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
