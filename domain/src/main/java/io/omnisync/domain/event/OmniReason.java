package io.omnisync.domain.event;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Why Omni-Channel says an agent's presence changed: the Omni-Channel toolkit's own reasons
 * (SPEC 4.10). A report without one is the agent's own pick ({@link #MANUAL}). Salesforce moves
 * agents by itself too (declined work, a push that timed out, a supervisor, a login), and says so.
 */
public enum OmniReason {
    /** The agent picked the status in the widget. */
    MANUAL("OmniManualStatusChange"),
    /** A console integration set it through the toolkit (Omnisync's console bridge among them). */
    TOOLKIT("OmniToolkitStatusChange"),
    /** The agent declined a work item: Salesforce moved her to her presence configuration's status on decline. */
    DECLINE_WORK("OmniDeclineWork"),
    /** A push timed out: Salesforce moved her to her presence configuration's status on push timeout. */
    PUSH_TIMEOUT("OmniPushTimeout"),
    /** A supervisor changed her status from the supervisor panel. */
    SUPERVISOR("OmniSupervisorStatusChange"),
    /** She logged in to Omni-Channel, into the status Salesforce chose. */
    LOGIN("OmniLoginStatusChange");

    private final String wireName;

    OmniReason(String wireName) {
        this.wireName = wireName;
    }

    /** The toolkit's name, as reports, files and output write it. */
    public String wireName() {
        return wireName;
    }

    /** A reason by the toolkit's name; none for a name the toolkit does not use. */
    public static Option<OmniReason> parse(String wireName) {
        return List.of(values()).find(reason -> reason.wireName.equals(wireName));
    }

    /** The toolkit's names, in the order the SPEC lists them (for messages naming what is allowed). */
    public static Seq<String> wireNames() {
        return List.of(values()).map(OmniReason::wireName);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
