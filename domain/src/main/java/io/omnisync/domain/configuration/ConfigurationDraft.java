package io.omnisync.domain.configuration;

import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A configuration as written (SPEC section 6), before validation: names are plain strings and
 * may point at nothing. {@link ConfigurationValidator} turns it into a {@link Configuration} or
 * into every problem it has. Missing collections read as empty ones.
 */
public record ConfigurationDraft(
        Talkdesk talkdesk,
        OmniChannel omniChannel,
        Seq<AgentDraft> agents,
        Integration integration,
        Option<VendorsDraft> vendors) {

    public ConfigurationDraft {
        talkdesk = talkdesk == null ? new Talkdesk(null, false) : talkdesk;
        omniChannel = omniChannel == null ? new OmniChannel(null, null, null, null, null) : omniChannel;
        agents = agents == null ? List.empty() : agents;
        integration = integration == null ? Integration.off() : integration;
        vendors = vendors == null ? Option.none() : vendors;
    }

    /** A configuration without the settings of the real vendor adapters (enough for validate, plan, simulate). */
    public ConfigurationDraft(
            Talkdesk talkdesk, OmniChannel omniChannel, Seq<AgentDraft> agents, Integration integration) {
        this(talkdesk, omniChannel, agents, integration, Option.none());
    }

    /**
     * The same configuration with the run-time settings written into it (the toggles need no
     * save, but what is kept is always the configuration as it runs).
     */
    public ConfigurationDraft withSettings(IntegrationSettings settings) {
        return new ConfigurationDraft(
                new Talkdesk(talkdesk.statuses(), settings.nextAgentStatus()),
                omniChannel,
                agents,
                new Integration(
                        settings.omniChannelSync(),
                        settings.returnToPreviousStatusAfterCall(),
                        integration.omniToTalkdesk(),
                        integration.talkdeskToOmni(),
                        integration.businessHours(),
                        integration.presenceSyncRules(),
                        integration.automaticStatusChanges()),
                vendors);
    }

    /** The same configuration with the named presence sync rule enabled or disabled (no such rule: unchanged). */
    public ConfigurationDraft withRuleEnabled(String name, boolean enabled) {
        return new ConfigurationDraft(
                talkdesk,
                omniChannel,
                agents,
                new Integration(
                        integration.omniChannelSync(),
                        integration.returnToPreviousStatusAfterCall(),
                        integration.omniToTalkdesk(),
                        integration.talkdeskToOmni(),
                        integration.businessHours(),
                        integration
                                .presenceSyncRules()
                                .map(rule -> rule.name() != null && rule.name().equals(name)
                                        ? new RuleDraft(
                                                rule.name(),
                                                enabled,
                                                rule.trigger(),
                                                rule.conditions(),
                                                rule.logic(),
                                                rule.action())
                                        : rule),
                        integration.automaticStatusChanges()),
                vendors);
    }

    public record Talkdesk(Seq<TalkdeskStatusDraft> statuses, boolean nextAgentStatus) {
        public Talkdesk {
            statuses = statuses == null ? List.empty() : statuses;
        }
    }

    /**
     * A custom Talkdesk status. {@code presence} is what the Talkdesk Presence API is sent for it (SPEC 6
     * and 11); when absent the real adapter sends the default for its type.
     */
    public record TalkdeskStatusDraft(
            String id, String name, TalkdeskStatusType type, Option<TalkdeskPresenceDraft> presence) {
        public TalkdeskStatusDraft {
            presence = presence == null ? Option.none() : presence;
        }

        public TalkdeskStatusDraft(String id, String name, TalkdeskStatusType type) {
            this(id, name, type, Option.none());
        }
    }

    /** {@code {"status": "away", "customStatusId": "lunch"}}: the body of Talkdesk's set-status call. */
    public record TalkdeskPresenceDraft(String status, Option<String> customStatusId) {
        public TalkdeskPresenceDraft {
            customStatusId = customStatusId == null ? Option.none() : customStatusId;
        }
    }

    public record OmniChannel(
            Seq<ServiceChannelDraft> serviceChannels,
            Seq<PresenceStatusDraft> presenceStatuses,
            Seq<AccessGrantDraft> profiles,
            Seq<AccessGrantDraft> permissionSets,
            Seq<PresenceConfigurationDraft> presenceConfigurations) {
        public OmniChannel {
            serviceChannels = serviceChannels == null ? List.empty() : serviceChannels;
            presenceStatuses = presenceStatuses == null ? List.empty() : presenceStatuses;
            profiles = profiles == null ? List.empty() : profiles;
            permissionSets = permissionSets == null ? List.empty() : permissionSets;
            presenceConfigurations = presenceConfigurations == null ? List.empty() : presenceConfigurations;
        }
    }

    public record ServiceChannelDraft(String apiName, String label, boolean urgent) {}

    /**
     * A presence status. {@code salesforceId} is the 15- or 18-character Id of its ServicePresenceStatus
     * record, which the Omni-Channel toolkit needs to set it (the console bridge, SPEC 10.2 and 12).
     */
    public record PresenceStatusDraft(
            String apiName, String label, PresenceOption option, Seq<String> channels, Option<String> salesforceId) {
        public PresenceStatusDraft {
            channels = channels == null ? List.empty() : channels;
            salesforceId = salesforceId == null ? Option.none() : salesforceId;
        }

        public PresenceStatusDraft(String apiName, String label, PresenceOption option, Seq<String> channels) {
            this(apiName, label, option, channels, Option.none());
        }
    }

    /** A profile or a permission set. */
    public record AccessGrantDraft(String name, Seq<String> presenceStatuses) {
        public AccessGrantDraft {
            presenceStatuses = presenceStatuses == null ? List.empty() : presenceStatuses;
        }
    }

    /**
     * A presence configuration. {@code statusOnDecline} and {@code statusOnPushTimeout} are the presence
     * statuses Salesforce itself moves an agent to when she declines work or lets a push time out
     * (Salesforce's presenceStatusOnDecline and presenceStatusOnPushTimeout).
     */
    public record PresenceConfigurationDraft(
            String name,
            int capacity,
            Seq<String> profiles,
            Seq<String> users,
            Option<String> statusOnDecline,
            Option<String> statusOnPushTimeout) {
        public PresenceConfigurationDraft {
            profiles = profiles == null ? List.empty() : profiles;
            users = users == null ? List.empty() : users;
            statusOnDecline = statusOnDecline == null ? Option.none() : statusOnDecline;
            statusOnPushTimeout = statusOnPushTimeout == null ? Option.none() : statusOnPushTimeout;
        }

        public PresenceConfigurationDraft(String name, int capacity, Seq<String> profiles, Seq<String> users) {
            this(name, capacity, profiles, users, Option.none(), Option.none());
        }
    }

    /** {@code talkdeskStatus} defaults to {@code offline} and {@code omniStatus} to {@code Offline}. */
    public record AgentDraft(
            String id,
            String talkdeskUserId,
            String salesforceUserId,
            String profile,
            Seq<String> permissionSets,
            String talkdeskStatus,
            String omniStatus) {
        public AgentDraft {
            permissionSets = permissionSets == null ? List.empty() : permissionSets;
            talkdeskStatus = talkdeskStatus == null ? "offline" : talkdeskStatus;
            omniStatus = omniStatus == null ? "Offline" : omniStatus;
        }
    }

    public record Integration(
            boolean omniChannelSync,
            boolean returnToPreviousStatusAfterCall,
            LinkedHashMap<String, String> omniToTalkdesk,
            LinkedHashMap<String, String> talkdeskToOmni,
            Option<BusinessHoursDraft> businessHours,
            Seq<RuleDraft> presenceSyncRules,
            LinkedHashMap<String, AutomaticChange> automaticStatusChanges) {
        public Integration {
            omniToTalkdesk = omniToTalkdesk == null ? LinkedHashMap.empty() : omniToTalkdesk;
            talkdeskToOmni = talkdeskToOmni == null ? LinkedHashMap.empty() : talkdeskToOmni;
            businessHours = businessHours == null ? Option.none() : businessHours;
            presenceSyncRules = presenceSyncRules == null ? List.empty() : presenceSyncRules;
            automaticStatusChanges = automaticStatusChanges == null ? LinkedHashMap.empty() : automaticStatusChanges;
        }

        /** Every Omni-Channel reason synced like a manual pick (no {@code automaticStatusChanges}). */
        public Integration(
                boolean omniChannelSync,
                boolean returnToPreviousStatusAfterCall,
                LinkedHashMap<String, String> omniToTalkdesk,
                LinkedHashMap<String, String> talkdeskToOmni,
                Option<BusinessHoursDraft> businessHours,
                Seq<RuleDraft> presenceSyncRules) {
            this(
                    omniChannelSync,
                    returnToPreviousStatusAfterCall,
                    omniToTalkdesk,
                    talkdeskToOmni,
                    businessHours,
                    presenceSyncRules,
                    null);
        }

        public static Integration off() {
            return new Integration(false, false, null, null, null, null, null);
        }
    }

    public record BusinessHoursDraft(ZoneId timeZone, Seq<DayOfWeek> days, LocalTime start, LocalTime end) {
        public BusinessHoursDraft {
            days = days == null ? List.empty() : days;
        }
    }

    /** A presence sync rule as written (SPEC section 9). {@code right} is a String, a Number or null. */
    public record RuleDraft(
            String name,
            boolean enabled,
            String trigger,
            Seq<ConditionDraft> conditions,
            String logic,
            ActionDraft action) {
        public RuleDraft {
            conditions = conditions == null ? List.empty() : conditions;
        }
    }

    public record ConditionDraft(String left, String operator, Object right) {}

    public record ActionDraft(String system, String status) {}

    /** What the real vendor adapters need (SPEC 6): optional for validate, plan and simulate; checked by serve. */
    public record VendorsDraft(Option<TalkdeskVendorDraft> talkdesk, Option<OmniChannelVendorDraft> omniChannel) {
        public VendorsDraft {
            talkdesk = talkdesk == null ? Option.none() : talkdesk;
            omniChannel = omniChannel == null ? Option.none() : omniChannel;
        }
    }

    /** Where Talkdesk's Presence API and its token endpoint are, and the scopes asked for. No secret, ever. */
    public record TalkdeskVendorDraft(String apiBaseUrl, String tokenUrl, Seq<String> scopes) {
        public TalkdeskVendorDraft {
            scopes = scopes == null ? List.empty() : scopes;
        }
    }

    /** The origins of the Lightning consoles allowed to call Omnisync (CORS, SPEC 10.2). */
    public record OmniChannelVendorDraft(Seq<String> consoleOrigins) {
        public OmniChannelVendorDraft {
            consoleOrigins = consoleOrigins == null ? List.empty() : consoleOrigins;
        }
    }
}
