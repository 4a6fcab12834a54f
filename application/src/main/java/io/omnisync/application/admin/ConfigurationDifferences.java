package io.omnisync.application.admin;

import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Integration;
import io.omnisync.domain.settings.IntegrationSettings;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * Whether two configurations are the same one for a store (SPEC 6), and where they differ. What
 * a store keeps for itself is left out: the run-time settings (the toggles need no save), the
 * rules' enabled flags, and the agents' status fields (they seed a new store; a running one knows
 * better where its agents are).
 */
final class ConfigurationDifferences {

    private ConfigurationDifferences() {}

    /** The parts of {@code given} that differ from {@code running}, by name; empty when they are the same. */
    static Seq<String> between(ConfigurationDraft running, ConfigurationDraft given) {
        ConfigurationDraft a = comparable(running);
        ConfigurationDraft b = comparable(given);
        List<String> differences = List.empty();
        if (!Objects.equals(a.talkdesk(), b.talkdesk())) {
            differences = differences.append("talkdesk.statuses");
        }
        if (!Objects.equals(a.omniChannel(), b.omniChannel())) {
            differences = differences.append("omniChannel");
        }
        if (!a.agents().equals(b.agents())) {
            differences = differences.append(agents(a.agents(), b.agents()));
        }
        Integration x = a.integration();
        Integration y = b.integration();
        if (!x.omniToTalkdesk().equals(y.omniToTalkdesk())) {
            differences = differences.append("integration.omniToTalkdesk");
        }
        if (!x.talkdeskToOmni().equals(y.talkdeskToOmni())) {
            differences = differences.append("integration.talkdeskToOmni");
        }
        if (!x.businessHours().equals(y.businessHours())) {
            differences = differences.append("integration.businessHours");
        }
        if (!x.presenceSyncRules().equals(y.presenceSyncRules())) {
            differences = differences.append("integration.presenceSyncRules");
        }
        if (!x.automaticStatusChanges().equals(y.automaticStatusChanges())) {
            differences = differences.append("integration.automaticStatusChanges");
        }
        if (!a.vendors().equals(b.vendors())) {
            differences = differences.append("vendors");
        }
        return differences;
    }

    private static String agents(Seq<AgentDraft> running, Seq<AgentDraft> given) {
        java.util.Set<String> before = running.map(AgentDraft::id).toJavaSet();
        java.util.Set<String> after = given.map(AgentDraft::id).toJavaSet();
        long added = after.stream().filter(id -> !before.contains(id)).count();
        long removed = before.stream().filter(id -> !after.contains(id)).count();
        java.util.Set<AgentDraft> kept = new java.util.HashSet<>(running.toJavaList());
        long changed = given.count(agent -> before.contains(agent.id()) && !kept.contains(agent));
        List<String> parts = List.empty();
        if (added > 0) {
            parts = parts.append(added + " added");
        }
        if (removed > 0) {
            parts = parts.append(removed + " removed");
        }
        if (changed > 0) {
            parts = parts.append(changed + " changed");
        }
        return "agents" + (parts.isEmpty() ? " (their order)" : " (" + parts.mkString(", ") + ")");
    }

    /** The draft without what the store keeps for itself. */
    private static ConfigurationDraft comparable(ConfigurationDraft draft) {
        ConfigurationDraft settingsAside = draft.withSettings(IntegrationSettings.off());
        for (var rule : draft.integration().presenceSyncRules()) {
            settingsAside = settingsAside.withRuleEnabled(rule.name(), true);
        }
        return new ConfigurationDraft(
                settingsAside.talkdesk(),
                settingsAside.omniChannel(),
                settingsAside.agents().map(ConfigurationDifferences::withoutStatuses),
                settingsAside.integration(),
                settingsAside.vendors());
    }

    private static AgentDraft withoutStatuses(AgentDraft agent) {
        return new AgentDraft(
                agent.id(),
                agent.talkdeskUserId(),
                agent.salesforceUserId(),
                agent.profile(),
                agent.permissionSets(),
                null,
                null);
    }
}
