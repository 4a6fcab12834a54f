package io.omnisync.adapters.jdbc;

import java.util.OptionalLong;

/** Another process owns the store: one process at a time (SPEC 10). Nothing was changed. */
public class StoreInUseException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final transient OptionalLong owner;

    public StoreInUseException(String message, OptionalLong owner) {
        super(message);
        this.owner = owner;
    }

    /** The owner's process id, when it could be read from the lock file. */
    public OptionalLong owner() {
        return owner;
    }
}
