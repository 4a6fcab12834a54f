package io.omnisync.adapters.memory;

import io.omnisync.application.store.Transactions;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/** In memory there is nothing to commit or roll back: the work just runs. */
@Singleton
public class ImmediateTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
