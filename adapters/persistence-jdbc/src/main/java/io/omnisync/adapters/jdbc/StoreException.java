package io.omnisync.adapters.jdbc;

/** The store could not be opened, read or written: broken I/O, with the file named. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
