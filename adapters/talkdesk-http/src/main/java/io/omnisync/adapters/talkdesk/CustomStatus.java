package io.omnisync.adapters.talkdesk;

import java.util.Objects;

/** A custom status the Talkdesk account has ({@code GET /account/custom-status}). */
public record CustomStatus(String id, String displayName) {

    public CustomStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }
}
