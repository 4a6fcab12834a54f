package io.omnisync.acceptance;

import io.cucumber.datatable.DataTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reading the features' tables the way the screens are filled in: blank cells, comma-separated lists. */
final class Tables {

    private Tables() {}

    static List<Map<String, String>> rows(DataTable table) {
        return table.asMaps();
    }

    /** A cell, or {@code ""} when it is blank or the column is not there. */
    static String cell(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null ? "" : value.trim();
    }

    /** "Phone, Case" as a list; a blank cell is an empty list. */
    static List<String> list(Map<String, String> row, String column) {
        String value = cell(row, column);
        return value.isEmpty()
                ? List.of()
                : Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .toList();
    }

    static boolean yes(Map<String, String> row, String column) {
        String value = cell(row, column);
        return value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true");
    }
}
