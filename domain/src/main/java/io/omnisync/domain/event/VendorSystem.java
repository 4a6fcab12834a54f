package io.omnisync.domain.event;

/** The two systems Omnisync keeps in step. */
public enum VendorSystem {
    TALKDESK,
    OMNI;

    /** How the system is written in files and output: {@code talkdesk} or {@code omni}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
