package io.omnisync.adapters.configjson;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The configuration file of SPEC section 6, exactly as written: what Jackson writes a draft as
 * (the fields in this order, the ones without a value left out). {@link ConfigurationReader}
 * reads the same fields back.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConfigurationDocument(
        TalkdeskSection talkdesk,
        OmniChannelSection omniChannel,
        List<AgentEntry> agents,
        IntegrationSection integration,
        VendorsSection vendors) {

    ConfigurationDocument {
        talkdesk = talkdesk == null ? new TalkdeskSection(null, null) : talkdesk;
        omniChannel = omniChannel == null ? new OmniChannelSection(null, null, null, null, null) : omniChannel;
        agents = agents == null ? List.of() : agents;
        integration =
                integration == null ? new IntegrationSection(false, false, null, null, null, null, null) : integration;
    }

    record TalkdeskSection(List<TalkdeskStatusEntry> statuses, Preferences preferences) {
        TalkdeskSection {
            statuses = statuses == null ? List.of() : statuses;
            preferences = preferences == null ? new Preferences(false) : preferences;
        }
    }

    record Preferences(boolean nextAgentStatus) {}

    record TalkdeskStatusEntry(String id, String name, String type, PresenceEntry presence) {}

    /** What the Talkdesk Presence API is sent for a status. */
    record PresenceEntry(String status, String customStatusId) {}

    record OmniChannelSection(
            List<ServiceChannelEntry> serviceChannels,
            List<PresenceStatusEntry> presenceStatuses,
            List<GrantEntry> profiles,
            List<GrantEntry> permissionSets,
            List<PresenceConfigurationEntry> presenceConfigurations) {
        OmniChannelSection {
            serviceChannels = serviceChannels == null ? List.of() : serviceChannels;
            presenceStatuses = presenceStatuses == null ? List.of() : presenceStatuses;
            profiles = profiles == null ? List.of() : profiles;
            permissionSets = permissionSets == null ? List.of() : permissionSets;
            presenceConfigurations = presenceConfigurations == null ? List.of() : presenceConfigurations;
        }
    }

    record ServiceChannelEntry(String apiName, String label, boolean urgent) {}

    record PresenceStatusEntry(
            String apiName, String label, String option, List<String> channels, String salesforceId) {
        PresenceStatusEntry {
            channels = channels == null ? List.of() : channels;
        }
    }

    record GrantEntry(String name, List<String> presenceStatuses) {
        GrantEntry {
            presenceStatuses = presenceStatuses == null ? List.of() : presenceStatuses;
        }
    }

    record PresenceConfigurationEntry(
            String name,
            int capacity,
            List<String> profiles,
            List<String> users,
            String statusOnDecline,
            String statusOnPushTimeout) {
        PresenceConfigurationEntry {
            profiles = profiles == null ? List.of() : profiles;
            users = users == null ? List.of() : users;
        }
    }

    record AgentEntry(
            String id,
            String talkdeskUserId,
            String salesforceUserId,
            String profile,
            List<String> permissionSets,
            String talkdeskStatus,
            String omniStatus) {
        AgentEntry {
            permissionSets = permissionSets == null ? List.of() : permissionSets;
        }
    }

    record IntegrationSection(
            boolean omniChannelSync,
            boolean returnToPreviousStatusAfterCall,
            LinkedHashMap<String, String> omniToTalkdesk,
            LinkedHashMap<String, String> talkdeskToOmni,
            BusinessHoursEntry businessHours,
            List<RuleEntry> presenceSyncRules,
            LinkedHashMap<String, String> automaticStatusChanges) {
        IntegrationSection {
            omniToTalkdesk = omniToTalkdesk == null ? new LinkedHashMap<>() : omniToTalkdesk;
            talkdeskToOmni = talkdeskToOmni == null ? new LinkedHashMap<>() : talkdeskToOmni;
            presenceSyncRules = presenceSyncRules == null ? List.of() : presenceSyncRules;
        }
    }

    record BusinessHoursEntry(String timeZone, List<String> days, String start, String end) {
        BusinessHoursEntry {
            days = days == null ? List.of() : days;
        }
    }

    record RuleEntry(
            String name,
            Boolean enabled,
            String trigger,
            List<ConditionEntry> conditions,
            String logic,
            ActionEntry action) {
        RuleEntry {
            enabled = enabled == null ? Boolean.TRUE : enabled;
            conditions = conditions == null ? List.of() : conditions;
        }
    }

    record ConditionEntry(String left, String operator, Object right) {}

    record ActionEntry(String system, String status) {}

    /** What the real vendor adapters need (SPEC 6); no secret ever goes here. */
    record VendorsSection(TalkdeskVendorEntry talkdesk, OmniChannelVendorEntry omniChannel) {}

    record TalkdeskVendorEntry(String apiBaseUrl, String tokenUrl, List<String> scopes) {
        TalkdeskVendorEntry {
            scopes = scopes == null ? List.of() : scopes;
        }
    }

    record OmniChannelVendorEntry(List<String> consoleOrigins) {
        OmniChannelVendorEntry {
            consoleOrigins = consoleOrigins == null ? List.of() : consoleOrigins;
        }
    }
}
