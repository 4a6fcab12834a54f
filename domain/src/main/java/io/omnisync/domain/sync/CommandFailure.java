package io.omnisync.domain.sync;

/** Why a vendor refused a command for good. */
public enum CommandFailure {
    /**
     * The vendor no longer knows the status the command names: it was renamed or deleted there
     * after the configuration was written. The configuration needs updating; until then the engine
     * stops waiting for the command's echo.
     */
    UNKNOWN_AT_VENDOR,
    /** Any other refusal by the vendor's rules (not granted, logged out, in a call, …). */
    REFUSED
}
