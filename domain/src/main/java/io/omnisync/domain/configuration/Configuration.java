package io.omnisync.domain.configuration;

import io.omnisync.domain.access.PresenceConfiguration;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.mapping.Mapping;
import io.omnisync.domain.rules.PresenceSyncRule;
import io.omnisync.domain.rules.RuleBook;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.settings.BusinessHours;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.status.PresenceStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.ServiceChannel;
import io.omnisync.domain.status.TalkdeskStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * A configuration that passed every rule of SPEC section 3. There is no way to build one with an
 * error: the only way in is {@link #validate(ConfigurationDraft)}. Warnings travel with it.
 */
public final class Configuration {

    private final ConfigurationDraft draft;
    private final Map<TalkdeskStatusId, TalkdeskStatus> talkdeskStatuses;
    private final Map<String, ServiceChannel> serviceChannels;
    private final Map<PresenceStatusId, PresenceStatus> presenceStatuses;
    private final Map<AgentId, Agent> agents;
    private final Mapping mapping;
    private final IntegrationSettings settings;
    private final Option<BusinessHours> businessHours;
    private final RuleBook rules;
    /** Read-only, looked up per agent: a java map, as building a persistent one of a million agents costs seconds. */
    private final java.util.Map<AgentId, PresenceConfiguration> presenceConfigurations;

    private final Map<OmniReason, AutomaticChange> automaticStatusChanges;
    private final Seq<Problem> warnings;
    /** A read-only index for the hot path: looking an agent up on every event. */
    private final java.util.Map<AgentId, Agent> agentIndex;

    Configuration(
            ConfigurationDraft draft,
            Map<TalkdeskStatusId, TalkdeskStatus> talkdeskStatuses,
            Map<String, ServiceChannel> serviceChannels,
            Map<PresenceStatusId, PresenceStatus> presenceStatuses,
            Map<AgentId, Agent> agents,
            Mapping mapping,
            IntegrationSettings settings,
            Option<BusinessHours> businessHours,
            RuleBook rules,
            java.util.Map<AgentId, PresenceConfiguration> presenceConfigurations,
            Map<OmniReason, AutomaticChange> automaticStatusChanges,
            Seq<Problem> warnings,
            java.util.Map<AgentId, Agent> agentIndex) {
        this.draft = draft;
        this.talkdeskStatuses = talkdeskStatuses;
        this.serviceChannels = serviceChannels;
        this.presenceStatuses = presenceStatuses;
        this.agents = agents;
        this.mapping = mapping;
        this.settings = settings;
        this.businessHours = businessHours;
        this.rules = rules;
        this.presenceConfigurations = presenceConfigurations;
        this.automaticStatusChanges = automaticStatusChanges;
        this.warnings = warnings;
        this.agentIndex = agentIndex;
    }

    /** Every problem at once, or a configuration that carries its warnings. */
    public static Validation<Seq<Problem>, Configuration> validate(ConfigurationDraft draft) {
        return ConfigurationValidator.validate(draft);
    }

    /**
     * The configuration a draft gives when it is <b>known to be valid</b>, built without checking it
     * again: for a durable store that keeps a configuration it validated before it saved it (with the
     * warnings validation found then) and reads it back at start-up, where checking a million agents
     * again would cost seconds. This is the only way around {@link #validate}, and it is narrow on
     * purpose: a store calls it on what it wrote itself, in a format of its own version, and falls
     * back to {@link #validate} when it has any doubt (a snapshot of another version, or one that does
     * not read). Anything else must call {@link #validate}: a draft that was never validated gives a
     * configuration that breaks the engine's assumptions (unknown statuses, duplicate agents).
     *
     * @param warnings what {@link #validate} reported for this draft when it accepted it
     */
    public static Configuration trusted(ConfigurationDraft draft, Seq<Problem> warnings) {
        return ConfigurationValidator.trusted(draft, warnings);
    }

    /**
     * The configuration as written, with the settings and rule toggles changed at run time: what a
     * store keeps (validating it gives this configuration back) and a reader can be shown again.
     */
    public ConfigurationDraft draft() {
        return draft;
    }

    public Map<TalkdeskStatusId, TalkdeskStatus> talkdeskStatuses() {
        return talkdeskStatuses;
    }

    public Option<TalkdeskStatus> talkdeskStatus(TalkdeskStatusId id) {
        return talkdeskStatuses.get(id);
    }

    public Map<String, ServiceChannel> serviceChannels() {
        return serviceChannels;
    }

    public Map<PresenceStatusId, PresenceStatus> presenceStatuses() {
        return presenceStatuses;
    }

    public Option<PresenceStatus> presenceStatus(PresenceStatusId id) {
        return presenceStatuses.get(id);
    }

    public Map<AgentId, Agent> agents() {
        return agents;
    }

    public Option<Agent> agent(AgentId id) {
        return Option.of(agentIndex.get(id));
    }

    public Mapping mapping() {
        return mapping;
    }

    public IntegrationSettings settings() {
        return settings;
    }

    public Option<BusinessHours> businessHours() {
        return businessHours;
    }

    public RuleBook rules() {
        return rules;
    }

    public Seq<Problem> warnings() {
        return warnings;
    }

    /** The presence configuration that gives the agent her capacity (one assigned to her wins over her profile's). */
    public Option<PresenceConfiguration> presenceConfigurationOf(AgentId agent) {
        return Option.of(presenceConfigurations.get(agent));
    }

    /**
     * What Omnisync does with a change Omni-Channel reports for {@code reason} (SPEC 4.10): what
     * {@code integration.automaticStatusChanges} says, and {@link AutomaticChange#SYNC} for the
     * reasons it does not list.
     */
    public AutomaticChange automaticChange(OmniReason reason) {
        return automaticStatusChanges.get(reason).getOrElse(AutomaticChange.SYNC);
    }

    /** The reasons {@code integration.automaticStatusChanges} lists, with what it says of each. */
    public Map<OmniReason, AutomaticChange> automaticStatusChanges() {
        return automaticStatusChanges;
    }

    /** The same configuration with run-time settings changed (the toggles need no save). */
    public Configuration withSettings(IntegrationSettings newSettings) {
        return new Configuration(
                draft.withSettings(newSettings),
                talkdeskStatuses,
                serviceChannels,
                presenceStatuses,
                agents,
                mapping,
                newSettings,
                businessHours,
                rules,
                presenceConfigurations,
                automaticStatusChanges,
                warnings,
                agentIndex);
    }

    /** The same configuration with its rules' enable toggles changed. */
    public Configuration withRules(RuleBook newRules) {
        ConfigurationDraft written = draft;
        for (PresenceSyncRule rule : newRules.rules()) {
            written = written.withRuleEnabled(rule.name(), rule.enabled());
        }
        return new Configuration(
                written,
                talkdeskStatuses,
                serviceChannels,
                presenceStatuses,
                agents,
                mapping,
                settings,
                businessHours,
                newRules,
                presenceConfigurations,
                automaticStatusChanges,
                warnings,
                agentIndex);
    }

    Configuration withWarnings(Seq<Problem> newWarnings) {
        return new Configuration(
                draft,
                talkdeskStatuses,
                serviceChannels,
                presenceStatuses,
                agents,
                mapping,
                settings,
                businessHours,
                rules,
                presenceConfigurations,
                automaticStatusChanges,
                newWarnings,
                agentIndex);
    }

    @Override
    public String toString() {
        return "Configuration[" + agents.size() + " agents, " + talkdeskStatuses.size() + " Talkdesk statuses, "
                + presenceStatuses.size() + " presence statuses, " + settings + "]";
    }
}
