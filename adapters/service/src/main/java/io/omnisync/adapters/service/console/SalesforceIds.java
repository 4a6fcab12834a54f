package io.omnisync.adapters.service.console;

/**
 * Salesforce Ids compare by their first 15 characters (SPEC 10.2): the 18-character form is the 15-character one
 * with a case-insensitivity checksum appended, so both name the same record. The 15 characters are case-sensitive.
 */
final class SalesforceIds {

    static final int SIGNIFICANT = 15;

    private SalesforceIds() {}

    static boolean same(String one, String other) {
        return one != null && other != null && significant(one).equals(significant(other));
    }

    static String significant(String id) {
        String trimmed = id.strip();
        return trimmed.length() > SIGNIFICANT ? trimmed.substring(0, SIGNIFICANT) : trimmed;
    }
}
