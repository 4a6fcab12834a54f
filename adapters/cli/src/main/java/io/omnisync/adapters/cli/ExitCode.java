package io.omnisync.adapters.cli;

/** The exit codes of SPEC section 8. */
final class ExitCode {

    /** Ran; a configuration with warnings only is valid. */
    static final int OK = 0;
    /** The configuration has errors: every one was listed. */
    static final int INVALID_CONFIGURATION = 1;
    /** Unreadable input: a missing file, malformed JSON, an unknown field, a bad scenario line. */
    static final int BAD_INPUT = 2;

    private ExitCode() {}
}
