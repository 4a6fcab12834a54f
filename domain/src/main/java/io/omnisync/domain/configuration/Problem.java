package io.omnisync.domain.configuration;

import java.util.Objects;

/**
 * One thing wrong with a configuration: a stable code, a path into the configuration
 * ({@code integration.omniToTalkdesk.On_Call}, {@code agents[0].profile}) and a sentence a human
 * understands.
 */
public record Problem(ProblemCode code, String path, String message) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    public Severity severity() {
        return code.severity();
    }

    public boolean isError() {
        return severity() == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity() + " " + code + " at " + path + ": " + message;
    }
}
