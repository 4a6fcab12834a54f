package io.omnisync.adapters.kafka.peer;

import io.omnisync.adapters.kafka.codec.SessionRecord;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The sessions an instance owns: those of the partitions whose active task runs on it, as its peers ask for them.
 * Each answer is {@code Left(why)} when this instance cannot answer for it now (the agent's partition is not active
 * here, or Streams is rebalancing): the asking instance then answers from what it has itself.
 */
public interface OwnedSessions {

    /** Her stored session, none if nothing was decided for her yet; {@code Left} when her partition is not active here. */
    Either<String, Option<SessionRecord>> owned(String agent);

    /** Every stored session of the partitions active here. */
    Either<String, Seq<SessionRecord>> allOwned();
}
