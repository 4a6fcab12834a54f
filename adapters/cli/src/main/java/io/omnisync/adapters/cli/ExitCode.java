package io.omnisync.adapters.cli;

/** The exit codes of SPEC section 8, and one of Omnisync's own for what should never happen. */
final class ExitCode {

    /** Ran; a configuration with warnings only is valid. */
    static final int OK = 0;
    /** The configuration has errors: every one was listed. */
    static final int INVALID_CONFIGURATION = 1;
    /**
     * Bad input, and nothing was applied: a missing, unreadable or too large file, malformed JSON,
     * an unknown field, a bad scenario line, a store that cannot be used (not a store, in use by
     * another process, corrupt, a different configuration without {@code --replace}), a command
     * line without a command.
     */
    static final int BAD_INPUT = 2;
    /** An unexpected failure (a defect, or the machine ran out of memory): one line; {@code --verbose} for the trace. */
    static final int UNEXPECTED = 3;

    private ExitCode() {}
}
