package io.omnisync.application.store;

import java.util.function.Supplier;

/**
 * Driven port: run work as one unit, so that a session change and the commands it produced are
 * stored together or not at all. In memory this just runs the work.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
