package io.omnisync.domain.sync;

import io.omnisync.domain.event.VendorSystem;

/** The sentence a human reads for a skipped decision, rendered only when somebody reads it. */
final class SkipDetail {

    private SkipDetail() {}

    static String render(Fact.Skipped skipped) {
        String system = name(skipped.system());
        String other = name(skipped.system() == VendorSystem.TALKDESK ? VendorSystem.OMNI : VendorSystem.TALKDESK);
        String status = skipped.status().getOrElse("");
        String by = skipped.because().origin() == Because.Origin.MAPPING
                ? "'" + status + "' maps to"
                : skipped.because() + " asks for";
        String target = "'" + skipped.target().getOrElse("") + "'";
        String event = skipped.event().map(Object::toString).getOrElse("");
        return switch (skipped.reason()) {
            case UNMAPPED -> system + " status '" + status + "' has no " + other + " status";
            case OMNI_OFFLINE ->
                by + " " + target + " but the agent is logged out of Omni-Channel, and Omnisync "
                        + "never logs anyone in";
            case NOT_GRANTED -> by + " " + target + ", which the agent's profile and permission sets do not grant";
            case ALREADY_IN_STATUS -> "already " + target + " in " + other;
            case CONSISTENT ->
                "Talkdesk '" + status + "' and Omni-Channel " + target + " already agree (a mapping links them): "
                        + "activation leaves the agent alone";
            case AUTOMATIC_CHANGE_IGNORED ->
                system + " moved the agent to '" + status + "' by itself ("
                        + skipped.omniReason().map(Object::toString).getOrElse("an automatic change")
                        + "), which the configuration says to ignore: Talkdesk is left alone";
            case IN_CALL ->
                system + " '" + status + "' is not pushed to Talkdesk: the agent is in a call, "
                        + "which owns the Talkdesk status";
            case ECHO ->
                skipped.because().origin() == Because.Origin.DELIVERY
                        ? system + " reported back '" + status + "', which Omnisync set, after a newer change of the "
                                + "agent's: Omnisync no longer waits for it, and the newer change stands"
                        : system + " reported back '" + status + "', which Omnisync set";
            case UNCHANGED -> system + " reported '" + status + "', which the agent already had: nothing changed";
            case DUPLICATE -> "event " + event + " from " + system + " was already applied";
            case STALE -> "event " + event + " is older than the latest applied from " + system;
            case SYNC_OFF ->
                system + " '" + status + "' noted; the 'Omni-Channel' toggle is off, so " + "nothing is synced";
            case RESERVED_STATUS -> by + " " + target + ", which only the call lifecycle sets";
            case UNKNOWN_AGENT -> "no agent '" + skipped.agent() + "' in the running configuration";
            case UNKNOWN_STATUS ->
                system + " status '" + status + "' is not in the running configuration (a new status the admin "
                        + "has not mapped yet): nothing was done";
            case UNKNOWN_EVENT_TYPE ->
                system + " sent event " + event + " of type '" + status + "', which Omnisync does not use";
        };
    }

    private static String name(VendorSystem system) {
        return system == VendorSystem.TALKDESK ? "Talkdesk" : "Omni-Channel";
    }
}
