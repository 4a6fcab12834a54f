package io.omnisync.adapters.configjson;

/**
 * Why a file could not be read: which file, where (line and column from 1; 0 when the whole file
 * is at fault), the path of the field when known, and a sentence for a human.
 */
public record ReadError(String file, int line, int column, String path, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
        return where + ": " + message + (path.isEmpty() ? "" : " (at " + path + ")");
    }
}
