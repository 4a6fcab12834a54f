package io.omnisync.adapters.configjson;

import io.omnisync.adapters.configjson.ConfigurationDocument.ActionEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.AgentEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.BusinessHoursEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.ConditionEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.GrantEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.IntegrationSection;
import io.omnisync.adapters.configjson.ConfigurationDocument.OmniChannelSection;
import io.omnisync.adapters.configjson.ConfigurationDocument.OmniChannelVendorEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.Preferences;
import io.omnisync.adapters.configjson.ConfigurationDocument.PresenceConfigurationEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.PresenceEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.PresenceStatusEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.RuleEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.ServiceChannelEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.TalkdeskSection;
import io.omnisync.adapters.configjson.ConfigurationDocument.TalkdeskStatusEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.TalkdeskVendorEntry;
import io.omnisync.adapters.configjson.ConfigurationDocument.VendorsSection;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The file's records to the domain's draft and back. Values the file writes as text but the
 * domain needs typed (status types, options, days, times, time zones) are checked here; a bad one
 * is a {@link Bad} with its path.
 */
final class DocumentMapping {

    /** A value that does not read as what its field needs. */
    static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;

        Bad(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }
    }

    private DocumentMapping() {}

    static ConfigurationDraft toDraft(ConfigurationDocument document) throws Bad {
        java.util.List<ConfigurationDraft.TalkdeskStatusDraft> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < document.talkdesk().statuses().size(); i++) {
            TalkdeskStatusEntry entry = document.talkdesk().statuses().get(i);
            statuses.add(new ConfigurationDraft.TalkdeskStatusDraft(
                    entry.id(),
                    entry.name(),
                    enumValue(
                            TalkdeskStatusType.class,
                            entry.type(),
                            "talkdesk.statuses[" + i + "].type",
                            "Talkdesk status type"),
                    Option.of(entry.presence())
                            .map(p -> new ConfigurationDraft.TalkdeskPresenceDraft(
                                    p.status(), Option.of(p.customStatusId())))));
        }
        OmniChannelSection omni = document.omniChannel();
        java.util.List<ConfigurationDraft.PresenceStatusDraft> presence = new java.util.ArrayList<>();
        for (int i = 0; i < omni.presenceStatuses().size(); i++) {
            PresenceStatusEntry entry = omni.presenceStatuses().get(i);
            presence.add(new ConfigurationDraft.PresenceStatusDraft(
                    entry.apiName(),
                    entry.label(),
                    enumValue(
                            PresenceOption.class,
                            entry.option(),
                            "omniChannel.presenceStatuses[" + i + "].option",
                            "presence status option"),
                    List.ofAll(entry.channels()),
                    Option.of(entry.salesforceId())));
        }
        IntegrationSection integration = document.integration();
        Option<ConfigurationDraft.BusinessHoursDraft> hours = integration.businessHours() == null
                ? Option.none()
                : Option.some(businessHours(integration.businessHours()));
        return new ConfigurationDraft(
                new ConfigurationDraft.Talkdesk(
                        List.ofAll(statuses), document.talkdesk().preferences().nextAgentStatus()),
                new ConfigurationDraft.OmniChannel(
                        List.ofAll(omni.serviceChannels())
                                .map(c ->
                                        new ConfigurationDraft.ServiceChannelDraft(c.apiName(), c.label(), c.urgent())),
                        List.ofAll(presence),
                        grants(omni.profiles()),
                        grants(omni.permissionSets()),
                        List.ofAll(omni.presenceConfigurations())
                                .map(c -> new ConfigurationDraft.PresenceConfigurationDraft(
                                        c.name(),
                                        c.capacity(),
                                        List.ofAll(c.profiles()),
                                        List.ofAll(c.users()),
                                        Option.of(c.statusOnDecline()),
                                        Option.of(c.statusOnPushTimeout())))),
                List.ofAll(document.agents())
                        .map(a -> new ConfigurationDraft.AgentDraft(
                                a.id(),
                                a.talkdeskUserId(),
                                a.salesforceUserId(),
                                a.profile(),
                                List.ofAll(a.permissionSets()),
                                a.talkdeskStatus(),
                                a.omniStatus())),
                new ConfigurationDraft.Integration(
                        integration.omniChannelSync(),
                        integration.returnToPreviousStatusAfterCall(),
                        LinkedHashMap.ofAll(integration.omniToTalkdesk()),
                        LinkedHashMap.ofAll(integration.talkdeskToOmni()),
                        hours,
                        rules(integration.presenceSyncRules()),
                        automaticStatusChanges(integration.automaticStatusChanges())),
                Option.of(document.vendors()).map(DocumentMapping::vendors));
    }

    static ConfigurationDocument fromDraft(ConfigurationDraft draft) {
        var integration = draft.integration();
        return new ConfigurationDocument(
                new TalkdeskSection(
                        draft.talkdesk()
                                .statuses()
                                .map(s -> new TalkdeskStatusEntry(
                                        s.id(),
                                        s.name(),
                                        s.type() == null ? null : s.type().name(),
                                        s.presence()
                                                .map(p -> new PresenceEntry(
                                                        p.status(),
                                                        p.customStatusId().getOrNull()))
                                                .getOrNull()))
                                .toJavaList(),
                        new Preferences(draft.talkdesk().nextAgentStatus())),
                new OmniChannelSection(
                        draft.omniChannel()
                                .serviceChannels()
                                .map(c -> new ServiceChannelEntry(c.apiName(), c.label(), c.urgent()))
                                .toJavaList(),
                        draft.omniChannel()
                                .presenceStatuses()
                                .map(p -> new PresenceStatusEntry(
                                        p.apiName(),
                                        p.label(),
                                        p.option() == null ? null : p.option().name(),
                                        p.channels().toJavaList(),
                                        p.salesforceId().getOrNull()))
                                .toJavaList(),
                        draft.omniChannel()
                                .profiles()
                                .map(g -> new GrantEntry(
                                        g.name(), g.presenceStatuses().toJavaList()))
                                .toJavaList(),
                        draft.omniChannel()
                                .permissionSets()
                                .map(g -> new GrantEntry(
                                        g.name(), g.presenceStatuses().toJavaList()))
                                .toJavaList(),
                        draft.omniChannel()
                                .presenceConfigurations()
                                .map(c -> new PresenceConfigurationEntry(
                                        c.name(),
                                        c.capacity(),
                                        c.profiles().toJavaList(),
                                        c.users().toJavaList(),
                                        c.statusOnDecline().getOrNull(),
                                        c.statusOnPushTimeout().getOrNull()))
                                .toJavaList()),
                draft.agents()
                        .map(a -> new AgentEntry(
                                a.id(),
                                a.talkdeskUserId(),
                                a.salesforceUserId(),
                                a.profile(),
                                a.permissionSets().toJavaList(),
                                a.talkdeskStatus(),
                                a.omniStatus()))
                        .toJavaList(),
                new IntegrationSection(
                        integration.omniChannelSync(),
                        integration.returnToPreviousStatusAfterCall(),
                        new java.util.LinkedHashMap<>(
                                integration.omniToTalkdesk().toJavaMap()),
                        new java.util.LinkedHashMap<>(
                                integration.talkdeskToOmni().toJavaMap()),
                        integration
                                .businessHours()
                                .map(h -> new BusinessHoursEntry(
                                        h.timeZone() == null
                                                ? null
                                                : h.timeZone().getId(),
                                        h.days().map(DayOfWeek::name).toJavaList(),
                                        h.start() == null ? null : h.start().toString(),
                                        h.end() == null ? null : h.end().toString()))
                                .getOrNull(),
                        integration
                                .presenceSyncRules()
                                .map(r -> new RuleEntry(
                                        r.name(),
                                        r.enabled(),
                                        r.trigger(),
                                        r.conditions()
                                                .map(c -> new ConditionEntry(c.left(), c.operator(), c.right()))
                                                .toJavaList(),
                                        r.logic(),
                                        r.action() == null
                                                ? null
                                                : new ActionEntry(
                                                        r.action().system(),
                                                        r.action().status())))
                                .toJavaList(),
                        integration.automaticStatusChanges().isEmpty()
                                ? null
                                : new java.util.LinkedHashMap<>(integration
                                        .automaticStatusChanges()
                                        .mapValues(AutomaticChange::name)
                                        .toJavaMap())),
                draft.vendors()
                        .map(v -> new VendorsSection(
                                v.talkdesk()
                                        .map(t -> new TalkdeskVendorEntry(
                                                t.apiBaseUrl(),
                                                t.tokenUrl(),
                                                t.scopes().toJavaList()))
                                        .getOrNull(),
                                v.omniChannel()
                                        .map(o -> new OmniChannelVendorEntry(
                                                o.consoleOrigins().toJavaList()))
                                        .getOrNull()))
                        .getOrNull());
    }

    private static ConfigurationDraft.VendorsDraft vendors(VendorsSection vendors) {
        return new ConfigurationDraft.VendorsDraft(
                Option.of(vendors.talkdesk())
                        .map(t -> new ConfigurationDraft.TalkdeskVendorDraft(
                                t.apiBaseUrl(), t.tokenUrl(), List.ofAll(t.scopes()))),
                Option.of(vendors.omniChannel())
                        .map(o -> new ConfigurationDraft.OmniChannelVendorDraft(List.ofAll(o.consoleOrigins()))));
    }

    /** {@code "SYNC"} or {@code "IGNORE"} for each reason; a reason itself is checked by the domain. */
    private static LinkedHashMap<String, AutomaticChange> automaticStatusChanges(
            java.util.LinkedHashMap<String, String> changes) throws Bad {
        if (changes == null) {
            return LinkedHashMap.empty();
        }
        LinkedHashMap<String, AutomaticChange> read = LinkedHashMap.empty();
        for (java.util.Map.Entry<String, String> change : changes.entrySet()) {
            String path = "integration.automaticStatusChanges." + change.getKey();
            if (change.getValue() == null) {
                throw new Bad(path, "missing value at " + path + ": \"SYNC\" or \"IGNORE\"");
            }
            read = read.put(
                    change.getKey(),
                    enumValue(AutomaticChange.class, change.getValue(), path, "automatic status change handling"));
        }
        return read;
    }

    private static List<ConfigurationDraft.AccessGrantDraft> grants(java.util.List<GrantEntry> grants) {
        return List.ofAll(grants)
                .map(g -> new ConfigurationDraft.AccessGrantDraft(g.name(), List.ofAll(g.presenceStatuses())));
    }

    private static List<ConfigurationDraft.RuleDraft> rules(java.util.List<RuleEntry> rules) throws Bad {
        java.util.List<ConfigurationDraft.RuleDraft> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RuleEntry rule = rules.get(i);
            java.util.List<ConfigurationDraft.ConditionDraft> conditions = new java.util.ArrayList<>();
            for (int j = 0; j < rule.conditions().size(); j++) {
                ConditionEntry condition = rule.conditions().get(j);
                conditions.add(new ConfigurationDraft.ConditionDraft(
                        condition.left(),
                        condition.operator(),
                        literal(
                                condition.right(),
                                "integration.presenceSyncRules[" + i + "].conditions[" + j + "].right")));
            }
            drafts.add(new ConfigurationDraft.RuleDraft(
                    rule.name(),
                    rule.enabled(),
                    rule.trigger(),
                    List.ofAll(conditions),
                    rule.logic(),
                    rule.action() == null
                            ? null
                            : new ConfigurationDraft.ActionDraft(
                                    rule.action().system(), rule.action().status())));
        }
        return List.ofAll(drafts);
    }

    private static ConfigurationDraft.BusinessHoursDraft businessHours(BusinessHoursEntry hours) throws Bad {
        java.util.List<DayOfWeek> days = new java.util.ArrayList<>();
        for (int i = 0; i < hours.days().size(); i++) {
            days.add(enumValue(
                    DayOfWeek.class, hours.days().get(i), "integration.businessHours.days[" + i + "]", "day"));
        }
        return new ConfigurationDraft.BusinessHoursDraft(
                parsed(
                        hours.timeZone(),
                        ZoneId::of,
                        "integration.businessHours.timeZone",
                        "a time zone such as Europe/Lisbon"),
                List.ofAll(days),
                parsed(hours.start(), LocalTime::parse, "integration.businessHours.start", "a time such as 08:00"),
                parsed(hours.end(), LocalTime::parse, "integration.businessHours.end", "a time such as 20:00"));
    }

    private static <T> T parsed(String text, Function<String, T> parse, String path, String expected) throws Bad {
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (DateTimeException e) {
            throw new Bad(path, "'" + text + "' at " + path + " is not " + expected);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String path, String what) throws Bad {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new Bad(
                    path,
                    "unknown " + what + " '" + text + "' at " + path + "; one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    /** A condition compares with an operand name, a text or a number (SPEC section 9); nothing else. */
    private static Object literal(Object right, String path) throws Bad {
        if (right == null || right instanceof String || right instanceof Number) {
            return right;
        }
        String found = right instanceof Boolean
                ? String.valueOf(right)
                : right instanceof java.util.Map ? "an object" : right instanceof java.util.List ? "a list" : "a value";
        throw new Bad(path, "wrong type at " + path + ": expected an operand name, a text or a number, found " + found);
    }
}
