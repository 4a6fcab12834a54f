package io.omnisync.acceptance;

import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ActionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.BusinessHoursDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ConditionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.RuleDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ServiceChannelDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatus;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the admin has filled in on the vendors' screens, as the scenario tells it: Salesforce's
 * service channels, presence statuses, profiles, permission sets and presence configurations,
 * Talkdesk's custom statuses and preferences, the agents, and Talkdesk's Omni-Channel page (the
 * two mapping tables, the toggles, presence sync rules). Scenarios name things the way the
 * screens show them ("Lunch break", "Chat Only"); the sheet keeps the ids and API names the
 * configuration uses, and turns one into the other.
 */
final class ConfigurationSheet {

    private final Map<String, TalkdeskStatusDraft> talkdeskStatuses = new LinkedHashMap<>();
    private final Map<String, ServiceChannelDraft> channels = new LinkedHashMap<>();
    private final java.util.List<PresenceStatusDraft> presenceStatuses = new ArrayList<>();
    private final Map<String, java.util.List<String>> profiles = new LinkedHashMap<>();
    private final Map<String, java.util.List<String>> permissionSets = new LinkedHashMap<>();
    private final Map<String, PresenceConfigurationDraft> presenceConfigurations = new LinkedHashMap<>();
    private final Map<String, AgentRow> agents = new LinkedHashMap<>();
    private final Map<String, String> omniToTalkdesk = new LinkedHashMap<>();
    private final Map<String, String> talkdeskToOmni = new LinkedHashMap<>();
    private final java.util.List<RuleRow> rules = new ArrayList<>();
    private final Map<String, AutomaticChange> automaticChanges = new LinkedHashMap<>();
    private boolean omniChannelSync;
    private boolean returnToPreviousStatusAfterCall;
    private boolean nextAgentStatus;
    private Optional<BusinessHoursDraft> businessHours = Optional.empty();

    /** An agent as the scenario set them up; the ids that link them are made up from the name. */
    static final class AgentRow {
        final String id;
        final String name;
        final int number;
        String profile;
        java.util.List<String> permissionSets = new ArrayList<>();
        String talkdeskStatus = "offline";
        String omniStatus = OmniStatus.OFFLINE_NAME;

        AgentRow(String id, String name, int number) {
            this.id = id;
            this.name = name;
            this.number = number;
        }

        AgentDraft draft() {
            return new AgentDraft(
                    id,
                    "td-" + (1000 + number),
                    String.format("00550000000%04dAAA", number),
                    profile,
                    List.ofAll(permissionSets),
                    talkdeskStatus,
                    omniStatus);
        }
    }

    /** A presence sync rule as its screen shows it. */
    static final class RuleRow {
        final String name;
        final String trigger;
        final ActionDraft action;
        final java.util.List<ConditionDraft> conditions;
        boolean enabled = true;
        String logic;

        RuleRow(String name, String trigger, ActionDraft action, java.util.List<ConditionDraft> conditions) {
            this.name = name;
            this.trigger = trigger;
            this.action = action;
            this.conditions = conditions;
        }

        RuleDraft draft() {
            return new RuleDraft(name, enabled, trigger, List.ofAll(conditions), logic, action);
        }
    }

    // ---- the screens -------------------------------------------------------------------------

    void addServiceChannel(String apiName, boolean urgent) {
        channels.put(apiName, new ServiceChannelDraft(apiName, apiName, urgent));
    }

    void addPresenceStatus(String label, String apiName, PresenceOption option, java.util.List<String> channelNames) {
        presenceStatuses.add(new PresenceStatusDraft(apiName, label, option, List.ofAll(channelNames)));
    }

    void addTalkdeskStatus(String name, TalkdeskStatusType type) {
        String id = slug(name);
        talkdeskStatuses.put(id, new TalkdeskStatusDraft(id, name, type));
    }

    void removeTalkdeskStatus(String name) {
        talkdeskStatuses.remove(talkdeskId(name));
    }

    void grantByProfile(String profile, java.util.List<String> statusNames) {
        profiles.put(
                profile,
                new ArrayList<>(statusNames.stream().map(this::presenceApiName).toList()));
    }

    void grantByPermissionSet(String permissionSet, java.util.List<String> statusNames) {
        permissionSets.put(
                permissionSet,
                new ArrayList<>(statusNames.stream().map(this::presenceApiName).toList()));
    }

    /**
     * A presence configuration; {@code onDecline} and {@code onPushTimeout} name (by status name)
     * where Salesforce moves an agent who declines work or lets a push time out ("" for none).
     */
    /** One more presence status a permission set grants. */
    void alsoGrantByPermissionSet(String permissionSet, String statusName) {
        permissionSets.computeIfAbsent(permissionSet, name -> new ArrayList<>()).add(presenceApiName(statusName));
    }

    void addPresenceConfiguration(
            String name,
            int capacity,
            java.util.List<String> profileNames,
            java.util.List<String> agentNames,
            String onDecline,
            String onPushTimeout) {
        presenceConfigurations.put(
                name,
                new PresenceConfigurationDraft(
                        name,
                        capacity,
                        List.ofAll(profileNames),
                        List.ofAll(agentNames.stream()
                                .map(ConfigurationSheet::agentId)
                                .toList()),
                        Option.of(onDecline).filter(s -> !s.isEmpty()).map(this::omniName),
                        Option.of(onPushTimeout).filter(s -> !s.isEmpty()).map(this::omniName)));
    }

    /** What Omnisync does with the changes Omni-Channel reports for {@code reason} (as Omni-Channel spells it). */
    void automaticChange(String reason, AutomaticChange change) {
        automaticChanges.put(reason, change);
    }

    AgentRow agent(String name) {
        return agents.computeIfAbsent(agentId(name), id -> new AgentRow(id, name, agents.size() + 1));
    }

    Optional<AgentRow> knownAgent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    void mapOmniToTalkdesk(String omniName, String talkdeskName) {
        omniToTalkdesk.put(omniName(omniName), talkdeskId(talkdeskName));
    }

    void mapTalkdeskToOmni(String talkdeskName, String omniName) {
        talkdeskToOmni.put(talkdeskId(talkdeskName), omniName(omniName));
    }

    void unmapOmni(String omniName) {
        omniToTalkdesk.remove(omniName(omniName));
    }

    void unmapTalkdesk(String talkdeskName) {
        talkdeskToOmni.remove(talkdeskId(talkdeskName));
    }

    void omniChannelSync(boolean on) {
        omniChannelSync = on;
    }

    void returnToPreviousStatusAfterCall(boolean on) {
        returnToPreviousStatusAfterCall = on;
    }

    void nextAgentStatus(boolean on) {
        nextAgentStatus = on;
    }

    void businessHours(ZoneId zone, java.util.List<DayOfWeek> days, LocalTime start, LocalTime end) {
        businessHours = Optional.of(new BusinessHoursDraft(zone, List.ofAll(days), start, end));
    }

    /** The zone the contact center reads its clocks in: that of its business hours, else UTC. */
    ZoneId timeZone() {
        return businessHours.map(BusinessHoursDraft::timeZone).orElse(ZoneId.of("UTC"));
    }

    void addRule(RuleRow rule) {
        rules.removeIf(existing -> existing.name.equals(rule.name));
        rules.add(rule);
    }

    RuleRow rule(String name) {
        return rules.stream()
                .filter(rule -> rule.name.equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("the scenario set up no presence sync rule '" + name + "'"));
    }

    int ruleIndex(String name) {
        return rules.indexOf(rule(name));
    }

    void putFirst(String ruleName) {
        RuleRow rule = rule(ruleName);
        rules.remove(rule);
        rules.add(0, rule);
    }

    /** Everything on the screens, as one configuration to validate and save. */
    ConfigurationDraft draft() {
        return new ConfigurationDraft(
                new ConfigurationDraft.Talkdesk(List.ofAll(talkdeskStatuses.values()), nextAgentStatus),
                new ConfigurationDraft.OmniChannel(
                        List.ofAll(channels.values()),
                        List.ofAll(presenceStatuses),
                        grants(profiles),
                        grants(permissionSets),
                        List.ofAll(presenceConfigurations.values())),
                List.ofAll(agents.values()).map(AgentRow::draft),
                new ConfigurationDraft.Integration(
                        omniChannelSync,
                        returnToPreviousStatusAfterCall,
                        io.vavr.collection.LinkedHashMap.ofAll(omniToTalkdesk),
                        io.vavr.collection.LinkedHashMap.ofAll(talkdeskToOmni),
                        Option.ofOptional(businessHours),
                        List.ofAll(rules).map(RuleRow::draft),
                        io.vavr.collection.LinkedHashMap.ofAll(automaticChanges)));
    }

    // ---- names as the screens show them, ids as the configuration keeps them ----------------

    /** A Talkdesk status by the name Talkdesk shows ("Available", "Chat Only") or by its id. */
    String talkdeskId(String name) {
        Optional<String> builtIn = TalkdeskStatus.builtIns()
                .find(status -> status.name().equalsIgnoreCase(name))
                .map(status -> status.id().value())
                .toJavaOptional();
        Optional<String> custom = talkdeskStatuses.values().stream()
                .filter(status -> status.name().equalsIgnoreCase(name))
                .map(TalkdeskStatusDraft::id)
                .findFirst();
        return builtIn.or(() -> custom).orElseGet(() -> slug(name));
    }

    /** How Talkdesk shows a status id. */
    String talkdeskName(String id) {
        return TalkdeskStatus.builtIns()
                .find(status -> status.id().value().equals(id))
                .map(TalkdeskStatus::name)
                .toJavaOptional()
                .or(() -> Optional.ofNullable(talkdeskStatuses.get(id)).map(TalkdeskStatusDraft::name))
                .orElse(id);
    }

    /** An Omni-Channel status by its status name ("Lunch break") or API name; {@code Offline} is logged out. */
    String omniName(String name) {
        if (OmniStatus.OFFLINE_NAME.equalsIgnoreCase(name)) {
            return OmniStatus.OFFLINE_NAME;
        }
        return presenceApiName(name);
    }

    /** How the widget shows an Omni-Channel status. */
    String omniLabel(String apiName) {
        return presenceStatuses.stream()
                .filter(status -> status.apiName().equals(apiName))
                .map(PresenceStatusDraft::label)
                .findFirst()
                .orElse(apiName);
    }

    private String presenceApiName(String name) {
        if (presenceStatuses.stream().anyMatch(status -> status.apiName().equals(name))) {
            return name;
        }
        return presenceStatuses.stream()
                .filter(status -> status.label().equalsIgnoreCase(name))
                .map(PresenceStatusDraft::apiName)
                .findFirst()
                .orElseGet(() -> name.trim().replaceAll("[^A-Za-z0-9]+", "_"));
    }

    /** How a scenario's agent ("João") is known to Omnisync ({@code joao}). */
    static String agentId(String name) {
        return slug(name);
    }

    private static String slug(String name) {
        String plain = Normalizer.normalize(name.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static io.vavr.collection.Seq<AccessGrantDraft> grants(Map<String, java.util.List<String>> grants) {
        return List.ofAll(grants.entrySet())
                .map(entry -> new AccessGrantDraft(entry.getKey(), List.ofAll(entry.getValue())));
    }
}
