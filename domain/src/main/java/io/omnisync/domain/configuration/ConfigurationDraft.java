package io.omnisync.domain.configuration;

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
        Talkdesk talkdesk, OmniChannel omniChannel, Seq<AgentDraft> agents, Integration integration) {

    public ConfigurationDraft {
        talkdesk = talkdesk == null ? new Talkdesk(null, false) : talkdesk;
        omniChannel = omniChannel == null ? new OmniChannel(null, null, null, null, null) : omniChannel;
        agents = agents == null ? List.empty() : agents;
        integration = integration == null ? Integration.off() : integration;
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
                        integration.presenceSyncRules()));
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
                                        : rule)));
    }

    public record Talkdesk(Seq<TalkdeskStatusDraft> statuses, boolean nextAgentStatus) {
        public Talkdesk {
            statuses = statuses == null ? List.empty() : statuses;
        }
    }

    public record TalkdeskStatusDraft(String id, String name, TalkdeskStatusType type) {}

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

    public record PresenceStatusDraft(String apiName, String label, PresenceOption option, Seq<String> channels) {
        public PresenceStatusDraft {
            channels = channels == null ? List.empty() : channels;
        }
    }

    /** A profile or a permission set. */
    public record AccessGrantDraft(String name, Seq<String> presenceStatuses) {
        public AccessGrantDraft {
            presenceStatuses = presenceStatuses == null ? List.empty() : presenceStatuses;
        }
    }

    public record PresenceConfigurationDraft(String name, int capacity, Seq<String> profiles, Seq<String> users) {
        public PresenceConfigurationDraft {
            profiles = profiles == null ? List.empty() : profiles;
            users = users == null ? List.empty() : users;
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
            Seq<RuleDraft> presenceSyncRules) {
        public Integration {
            omniToTalkdesk = omniToTalkdesk == null ? LinkedHashMap.empty() : omniToTalkdesk;
            talkdeskToOmni = talkdeskToOmni == null ? LinkedHashMap.empty() : talkdeskToOmni;
            businessHours = businessHours == null ? Option.none() : businessHours;
            presenceSyncRules = presenceSyncRules == null ? List.empty() : presenceSyncRules;
        }

        public static Integration off() {
            return new Integration(false, false, null, null, null, null);
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
}
