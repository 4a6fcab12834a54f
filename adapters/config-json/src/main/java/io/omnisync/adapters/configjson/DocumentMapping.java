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
import java.time.DayOfWeek;

/**
 * The domain's draft to the file's records, for writing it the way the specification and the
 * examples write it ({@link ConfigurationReader} reads it back, in one streaming pass).
 */
final class DocumentMapping {

    private DocumentMapping() {}

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
}
