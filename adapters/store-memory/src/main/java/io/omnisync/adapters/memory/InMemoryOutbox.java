package io.omnisync.adapters.memory;

import io.omnisync.application.store.Outbox;
import io.omnisync.application.store.PendingCommand;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.domain.sync.Command;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Commands not yet answered by their vendor, in memory, oldest first. */
@Singleton
public class InMemoryOutbox implements Outbox {

    private final ConcurrentSkipListMap<Long, PendingCommand> pending = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public void add(Seq<Command> commands) {
        commands.forEach(command -> {
            long id = ids.incrementAndGet();
            pending.put(id, new PendingCommand(CommandId.of(id), command, 0, Option.none()));
        });
    }

    @Override
    public Seq<PendingCommand> pending() {
        return List.ofAll(pending.values());
    }

    @Override
    public void done(CommandId id) {
        pending.remove(id.value());
    }

    @Override
    public void failed(CommandId id, String error) {
        pending.computeIfPresent(
                id.value(),
                (key, command) ->
                        new PendingCommand(id, command.command(), command.attempts() + 1, Option.some(error)));
    }
}
