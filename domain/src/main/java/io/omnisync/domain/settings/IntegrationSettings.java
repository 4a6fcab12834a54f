package io.omnisync.domain.settings;

/**
 * The switches of the integration: the 'Omni-Channel' toggle, 'return to previous status after
 * a call', and Talkdesk's own Preferences &gt; Next agent status (which the integration reads
 * because it conflicts with the return toggle).
 */
public record IntegrationSettings(
        boolean omniChannelSync, boolean returnToPreviousStatusAfterCall, boolean nextAgentStatus) {

    public static IntegrationSettings off() {
        return new IntegrationSettings(false, false, false);
    }

    /** "These two options cannot be enabled at the same time." */
    public boolean hasConflictingAfterCallSettings() {
        return returnToPreviousStatusAfterCall && nextAgentStatus;
    }

    public IntegrationSettings withOmniChannelSync(boolean enabled) {
        return new IntegrationSettings(enabled, returnToPreviousStatusAfterCall, nextAgentStatus);
    }

    public IntegrationSettings withReturnToPreviousStatusAfterCall(boolean enabled) {
        return new IntegrationSettings(omniChannelSync, enabled, nextAgentStatus);
    }

    public IntegrationSettings withNextAgentStatus(boolean enabled) {
        return new IntegrationSettings(omniChannelSync, returnToPreviousStatusAfterCall, enabled);
    }
}
