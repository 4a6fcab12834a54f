package io.omnisync.acceptance;

import io.cucumber.java.ParameterType;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.rules.Trigger;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.sync.SkipReason;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** The words of the features that stand for things of the domain: agents, systems, reasons, times. */
public class ParameterTypes {

    /** Why Omnisync did not act, as the features say it. */
    static final Map<String, SkipReason> REASONS = Map.ofEntries(
            Map.entry("it is not mapped", SkipReason.UNMAPPED),
            Map.entry("the agent is logged out of Omni-Channel", SkipReason.OMNI_OFFLINE),
            Map.entry("the agent's profile and permission sets do not grant the status", SkipReason.NOT_GRANTED),
            Map.entry("the agent is already there", SkipReason.ALREADY_IN_STATUS),
            Map.entry("the agent is in a call", SkipReason.IN_CALL),
            Map.entry("it is the echo of Omnisync's own change", SkipReason.ECHO),
            Map.entry("it was delivered before", SkipReason.DUPLICATE),
            Map.entry("it is older than the latest change", SkipReason.STALE),
            Map.entry("the 'Omni-Channel' toggle is off", SkipReason.SYNC_OFF),
            Map.entry("only calls set that status", SkipReason.RESERVED_STATUS),
            Map.entry("the two statuses already agree", SkipReason.CONSISTENT),
            Map.entry("nothing changed", SkipReason.UNCHANGED),
            Map.entry("the admin chose to ignore that automatic change", SkipReason.AUTOMATIC_CHANGE_IGNORED));

    /** Why an admin's switch was refused. */
    static final Map<String, RefusalCode> REFUSALS = Map.of(
            "the two options cannot be enabled at the same time", RefusalCode.CONFLICTING_AFTER_CALL_SETTINGS,
            "it is inside business hours", RefusalCode.INSIDE_BUSINESS_HOURS,
            "there is no such rule", RefusalCode.UNKNOWN_RULE,
            "more than ten rules would be active", RefusalCode.TOO_MANY_RULES);

    /** What a presence sync rule reacts to, as Talkdesk's rule screen names it. */
    static final Map<String, Trigger> TRIGGERS = Map.of(
            "Talkdesk status changed", Trigger.TALKDESK_STATUS_CHANGED,
            "Omni-Channel status changed", Trigger.OMNI_STATUS_CHANGED,
            "Omni-Channel logout", Trigger.OMNI_LOGOUT,
            "Omni-Channel work accepted", Trigger.OMNI_WORK_ACCEPTED,
            "Omni-Channel workload changed", Trigger.OMNI_WORKLOAD_CHANGED);

    /** An agent by first name: "Maria", "João". */
    @ParameterType("[A-Z][\\p{L}]+")
    public AgentId agent(String name) {
        return AgentId.of(ConfigurationSheet.agentId(name));
    }

    /** Salesforce is the system Omni-Channel lives in; either name will do. */
    @ParameterType("Talkdesk|Omni-Channel|Salesforce")
    public VendorSystem system(String name) {
        return name.equals("Talkdesk") ? VendorSystem.TALKDESK : VendorSystem.OMNI;
    }

    @ParameterType("on|off")
    public boolean onOff(String state) {
        return state.equals("on");
    }

    @ParameterType("it is not mapped|the agent is logged out of Omni-Channel"
            + "|the agent's profile and permission sets do not grant the status|the agent is already there"
            + "|the agent is in a call|it is the echo of Omnisync's own change|it was delivered before"
            + "|it is older than the latest change|the 'Omni-Channel' toggle is off|only calls set that status"
            + "|the two statuses already agree|nothing changed|the admin chose to ignore that automatic change")
    public SkipReason reason(String phrase) {
        return REASONS.get(phrase);
    }

    @ParameterType("the two options cannot be enabled at the same time|it is inside business hours"
            + "|there is no such rule|more than ten rules would be active")
    public RefusalCode refusal(String phrase) {
        return REFUSALS.get(phrase);
    }

    @ParameterType("Talkdesk status changed|Omni-Channel status changed|Omni-Channel logout"
            + "|Omni-Channel work accepted|Omni-Channel workload changed")
    public Trigger trigger(String phrase) {
        return TRIGGERS.get(phrase);
    }

    @ParameterType("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
    public DayOfWeek weekday(String day) {
        return DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
    }

    @ParameterType("\\d{2}:\\d{2}")
    public LocalTime time(String time) {
        return LocalTime.parse(time);
    }

    /** A time zone as the admin picks it: "Europe/Lisbon". */
    @ParameterType("[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)*")
    public ZoneId zone(String zone) {
        return ZoneId.of(zone);
    }
}
