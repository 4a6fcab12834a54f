package io.omnisync.adapters.configjson;

import java.util.Objects;

/**
 * Why a file could not be read: which file, where (line and column from 1; 0 when unknown or when
 * the whole file is at fault, as when it cannot be opened), the path of the field in the domain's
 * syntax when known ({@code talkdesk.statusess}, {@code agents[1].permissionSets[0]}; "" otherwise),
 * and a sentence for a human that names the field.
 */
public record ReadError(String file, int line, int column, String path, String message) {

    public ReadError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        path = path == null ? "" : path;
        line = Math.max(line, 0);
        column = line == 0 ? 0 : Math.max(column, 0);
    }

    /** {@code examples/bad.json:12:7: unknown field 'statusess' at talkdesk (known: preferences, statuses)}. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
        return where + ": " + message;
    }
}
