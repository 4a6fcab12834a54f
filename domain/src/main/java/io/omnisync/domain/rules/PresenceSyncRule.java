package io.omnisync.domain.rules;

/** A presence sync rule (SPEC section 9). */
public record PresenceSyncRule(String name, boolean enabled) {

    public PresenceSyncRule withEnabled(boolean on) {
        return new PresenceSyncRule(name, on);
    }
}
