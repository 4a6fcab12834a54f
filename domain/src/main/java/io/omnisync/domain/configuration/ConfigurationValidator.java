package io.omnisync.domain.configuration;

import io.omnisync.domain.access.AccessGrant;
import io.omnisync.domain.access.PresenceConfiguration;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.mapping.Mapping;
import io.omnisync.domain.rules.RuleBook;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.settings.BusinessHours;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.PresenceStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.ServiceChannel;
import io.omnisync.domain.status.TalkdeskStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.Tuple;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.util.function.Function;

/**
 * The rules of SPEC section 3, each a small named check that returns the problems it finds. A
 * draft is accepted whole or rejected whole, with every problem listed.
 */
final class ConfigurationValidator {

    private ConfigurationValidator() {}

    static Validation<Seq<Problem>, Configuration> validate(ConfigurationDraft draft) {
        Seq<Problem> problems = List.<Seq<Problem>>of(
                        missingValues(draft),
                        hiddenCharacters(draft),
                        duplicateIds(draft),
                        unknownReferences(draft),
                        reservedStatusesAsTargets(draft),
                        offlineAsTarget(draft),
                        channelsOfPresenceStatuses(draft),
                        conflictingAfterCallSettings(draft),
                        invalidValues(draft),
                        multiplePresenceConfigurations(draft),
                        RuleValidator.problems(draft, knownTalkdeskStatuses(draft), knownPresenceStatuses(draft)))
                .flatMap(Function.identity());
        // Warnings come with errors too: "every problem" means both, so that the admin fixes everything at once.
        Seq<Problem> warnings = problems.reject(Problem::isError).appendAll(warnings(draft));
        if (problems.exists(Problem::isError)) {
            return Validation.invalid(problems.filter(Problem::isError).appendAll(warnings));
        }
        return Validation.valid(build(draft).withWarnings(warnings));
    }

    /** {@link Configuration#trusted}: what {@link #validate} builds for a draft it accepts, without the checks. */
    static Configuration trusted(ConfigurationDraft draft, Seq<Problem> warnings) {
        return build(draft).withWarnings(warnings);
    }

    // ---- checks that reject -------------------------------------------------------------

    static Seq<Problem> missingValues(ConfigurationDraft draft) {
        List<Problem> problems = List.empty();
        var statuses = draft.talkdesk().statuses().toVector();
        for (int i = 0; i < statuses.size(); i++) {
            var status = statuses.get(i);
            String path = "talkdesk.statuses[" + i + "]";
            problems = problems.appendAll(blank(status.id(), path + ".id", "a Talkdesk status needs an id"));
            problems = problems.appendAll(blank(status.name(), path + ".name", "a Talkdesk status needs a name"));
            if (status.type() == null) {
                problems = problems.append(
                        missing(path + ".type", "a Talkdesk status needs a type: AVAILABLE, BUSY, AWAY or OFFLINE"));
            }
        }
        var channels = draft.omniChannel().serviceChannels().toVector();
        for (int i = 0; i < channels.size(); i++) {
            problems = problems.appendAll(blank(
                    channels.get(i).apiName(),
                    "omniChannel.serviceChannels[" + i + "].apiName",
                    "a service channel needs an API name"));
        }
        var presence = draft.omniChannel().presenceStatuses().toVector();
        for (int i = 0; i < presence.size(); i++) {
            String path = "omniChannel.presenceStatuses[" + i + "]";
            problems = problems.appendAll(
                    blank(presence.get(i).apiName(), path + ".apiName", "a presence status needs an API name"));
            if (presence.get(i).option() == null) {
                problems =
                        problems.append(missing(path + ".option", "a presence status needs an option: ONLINE or BUSY"));
            }
        }
        problems = problems.appendAll(blankNames(
                draft.omniChannel().profiles().map(AccessGrantDraft::name),
                "omniChannel.profiles",
                "a profile needs a name"));
        problems = problems.appendAll(blankNames(
                draft.omniChannel().permissionSets().map(AccessGrantDraft::name),
                "omniChannel.permissionSets",
                "a permission set needs a name"));
        problems = problems.appendAll(blankNames(
                draft.omniChannel().presenceConfigurations().map(PresenceConfigurationDraft::name),
                "omniChannel.presenceConfigurations",
                "a presence configuration needs a name"));
        var agents = draft.agents().toVector();
        for (int i = 0; i < agents.size(); i++) {
            AgentDraft agent = agents.get(i);
            String path = "agents[" + i + "]";
            problems = problems.appendAll(blank(agent.id(), path + ".id", "an agent needs an id"));
            problems = problems.appendAll(blank(
                    agent.talkdeskUserId(),
                    path + ".talkdeskUserId",
                    "an agent needs the Talkdesk user id that links them"));
            problems = problems.appendAll(blank(
                    agent.salesforceUserId(),
                    path + ".salesforceUserId",
                    "an agent needs the Salesforce user id that links them"));
            problems = problems.appendAll(
                    blank(agent.profile(), path + ".profile", "an agent needs a Salesforce profile"));
        }
        return problems;
    }

    /** Ids and names hold no control or invisible character ({@link VisibleText}); labels no line break or control. */
    static Seq<Problem> hiddenCharacters(ConfigurationDraft draft) {
        java.util.List<Problem> problems = new java.util.ArrayList<>();
        var statuses = draft.talkdesk().statuses().toVector();
        for (int i = 0; i < statuses.size(); i++) {
            var status = statuses.get(i);
            String path = "talkdesk.statuses[" + i + "]";
            hiddenInId(status.id(), path + ".id", problems);
            hiddenInLabel(status.name(), path + ".name", problems);
            for (var presence : status.presence()) {
                hiddenInId(presence.customStatusId().getOrNull(), path + ".presence.customStatusId", problems);
            }
        }
        var channels = draft.omniChannel().serviceChannels().toVector();
        for (int i = 0; i < channels.size(); i++) {
            String path = "omniChannel.serviceChannels[" + i + "]";
            hiddenInId(channels.get(i).apiName(), path + ".apiName", problems);
            hiddenInLabel(channels.get(i).label(), path + ".label", problems);
        }
        var presence = draft.omniChannel().presenceStatuses().toVector();
        for (int i = 0; i < presence.size(); i++) {
            String path = "omniChannel.presenceStatuses[" + i + "]";
            hiddenInId(presence.get(i).apiName(), path + ".apiName", problems);
            hiddenInLabel(presence.get(i).label(), path + ".label", problems);
            hiddenInId(presence.get(i).salesforceId().getOrNull(), path + ".salesforceId", problems);
        }
        hiddenInNames(draft.omniChannel().profiles().map(AccessGrantDraft::name), "omniChannel.profiles", problems);
        hiddenInNames(
                draft.omniChannel().permissionSets().map(AccessGrantDraft::name),
                "omniChannel.permissionSets",
                problems);
        hiddenInNames(
                draft.omniChannel().presenceConfigurations().map(PresenceConfigurationDraft::name),
                "omniChannel.presenceConfigurations",
                problems);
        int i = 0;
        for (AgentDraft agent : draft.agents()) {
            String path = "agents[" + i++ + "]";
            hiddenInId(agent.id(), path + ".id", problems);
            hiddenInId(agent.talkdeskUserId(), path + ".talkdeskUserId", problems);
            hiddenInId(agent.salesforceUserId(), path + ".salesforceUserId", problems);
        }
        hiddenInNames(
                draft.integration().presenceSyncRules().map(ConfigurationDraft.RuleDraft::name),
                "integration.presenceSyncRules",
                problems);
        return List.ofAll(problems);
    }

    private static void hiddenInNames(Seq<String> names, String path, java.util.List<Problem> problems) {
        int i = 0;
        for (String name : names) {
            hiddenInId(name, path + "[" + i++ + "].name", problems);
        }
    }

    private static void hiddenInId(String id, String path, java.util.List<Problem> problems) {
        VisibleText.hiddenInId(id)
                .ifPresent(codePoint -> problems.add(new Problem(
                        ProblemCode.INVALID_VALUE,
                        path,
                        "'" + VisibleText.shown(id) + "' holds " + VisibleText.describe(codePoint)
                                + ", a control or invisible character; ids and names must be visible text")));
    }

    private static void hiddenInLabel(String label, String path, java.util.List<Problem> problems) {
        VisibleText.hiddenInLabel(label)
                .ifPresent(codePoint -> problems.add(new Problem(
                        ProblemCode.INVALID_VALUE,
                        path,
                        "'" + VisibleText.shown(label) + "' holds " + VisibleText.describe(codePoint)
                                + ", a control or invisible character; a label is shown on one line, as visible"
                                + " text")));
    }

    static Seq<Problem> duplicateIds(ConfigurationDraft draft) {
        var builtIns = TalkdeskStatus.builtIns().map(s -> s.id().value()).toSet();
        List<Problem> problems = List.empty();
        var custom = draft.talkdesk()
                .statuses()
                .map(ConfigurationDraft.TalkdeskStatusDraft::id)
                .toVector();
        for (int i = 0; i < custom.size(); i++) {
            if (builtIns.contains(custom.get(i))) {
                problems = problems.append(new Problem(
                        ProblemCode.DUPLICATE_ID,
                        "talkdesk.statuses[" + i + "].id",
                        "'" + custom.get(i)
                                + "' is a built-in Talkdesk status; custom statuses need ids of their own"));
            }
        }
        problems = problems.appendAll(duplicates(custom, "talkdesk.statuses", "id", "Talkdesk status"));
        problems = problems.appendAll(duplicates(
                draft.omniChannel().serviceChannels().map(ConfigurationDraft.ServiceChannelDraft::apiName),
                "omniChannel.serviceChannels",
                "apiName",
                "service channel"));
        var presence = draft.omniChannel()
                .presenceStatuses()
                .map(PresenceStatusDraft::apiName)
                .toVector();
        for (int i = 0; i < presence.size(); i++) {
            if (OmniStatus.OFFLINE_NAME.equals(presence.get(i))) {
                problems = problems.append(new Problem(
                        ProblemCode.DUPLICATE_ID,
                        "omniChannel.presenceStatuses[" + i + "].apiName",
                        "'Offline' means logged out of Omni-Channel; a presence status cannot take that name"));
            }
        }
        problems =
                problems.appendAll(duplicates(presence, "omniChannel.presenceStatuses", "apiName", "presence status"));
        problems = problems.appendAll(duplicates(
                draft.omniChannel().profiles().map(AccessGrantDraft::name), "omniChannel.profiles", "name", "profile"));
        problems = problems.appendAll(duplicates(
                draft.omniChannel().permissionSets().map(AccessGrantDraft::name),
                "omniChannel.permissionSets",
                "name",
                "permission set"));
        problems = problems.appendAll(duplicates(
                draft.omniChannel().presenceConfigurations().map(PresenceConfigurationDraft::name),
                "omniChannel.presenceConfigurations",
                "name",
                "presence configuration"));
        problems = problems.appendAll(duplicates(draft.agents().map(AgentDraft::id), "agents", "id", "agent"));
        problems = problems.appendAll(duplicates(
                draft.agents().map(AgentDraft::talkdeskUserId), "agents", "talkdeskUserId", "Talkdesk user"));
        problems = problems.appendAll(duplicates(
                draft.agents().map(AgentDraft::salesforceUserId), "agents", "salesforceUserId", "Salesforce user"));
        return problems;
    }

    static Seq<Problem> unknownReferences(ConfigurationDraft draft) {
        Set<String> talkdesk = knownTalkdeskStatuses(draft);
        Set<String> presence = knownPresenceStatuses(draft);
        Set<String> channels = draft.omniChannel()
                .serviceChannels()
                .map(ConfigurationDraft.ServiceChannelDraft::apiName)
                .toSet();
        Set<String> profiles =
                draft.omniChannel().profiles().map(AccessGrantDraft::name).toSet();
        Set<String> permissionSets =
                draft.omniChannel().permissionSets().map(AccessGrantDraft::name).toSet();
        Set<String> users = draft.agents()
                .map(AgentDraft::id)
                .appendAll(draft.agents().map(AgentDraft::salesforceUserId))
                .toSet();
        List<Problem> problems = List.empty();

        var statuses = draft.omniChannel().presenceStatuses().toVector();
        for (int i = 0; i < statuses.size(); i++) {
            problems = problems.appendAll(unknown(
                    statuses.get(i).channels(),
                    channels,
                    "omniChannel.presenceStatuses[" + i + "].channels",
                    "service channel"));
        }
        problems = problems.appendAll(unknownGrants(draft.omniChannel().profiles(), presence, "omniChannel.profiles"));
        problems = problems.appendAll(
                unknownGrants(draft.omniChannel().permissionSets(), presence, "omniChannel.permissionSets"));
        var configurations = draft.omniChannel().presenceConfigurations().toVector();
        for (int i = 0; i < configurations.size(); i++) {
            String path = "omniChannel.presenceConfigurations[" + i + "]";
            problems = problems.appendAll(
                    unknown(configurations.get(i).profiles(), profiles, path + ".profiles", "profile"));
            problems = problems.appendAll(unknown(configurations.get(i).users(), users, path + ".users", "agent"));
            problems = problems.appendAll(unknownPresenceStatus(
                    configurations.get(i).statusOnDecline(), presence, path + ".statusOnDecline"));
            problems = problems.appendAll(unknownPresenceStatus(
                    configurations.get(i).statusOnPushTimeout(), presence, path + ".statusOnPushTimeout"));
        }
        var agents = draft.agents().toVector();
        for (int i = 0; i < agents.size(); i++) {
            AgentDraft agent = agents.get(i);
            String path = "agents[" + i + "]";
            if (agent.profile() != null && !agent.profile().isBlank() && !profiles.contains(agent.profile())) {
                problems = problems.append(unknownProblem(path + ".profile", "profile", agent.profile()));
            }
            problems = problems.appendAll(
                    unknown(agent.permissionSets(), permissionSets, path + ".permissionSets", "permission set"));
            if (!talkdesk.contains(agent.talkdeskStatus())) {
                problems = problems.append(
                        unknownProblem(path + ".talkdeskStatus", "Talkdesk status", agent.talkdeskStatus()));
            }
            if (!OmniStatus.OFFLINE_NAME.equals(agent.omniStatus()) && !presence.contains(agent.omniStatus())) {
                problems = problems.append(unknownProblem(path + ".omniStatus", "presence status", agent.omniStatus()));
            }
        }
        for (var entry : draft.integration().omniToTalkdesk()) {
            String path = "integration.omniToTalkdesk." + entry._1;
            if (!OmniStatus.OFFLINE_NAME.equals(entry._1) && !presence.contains(entry._1)) {
                problems = problems.append(unknownProblem(path, "presence status", entry._1));
            }
            if (!talkdesk.contains(entry._2)) {
                problems = problems.append(unknownProblem(path, "Talkdesk status", entry._2));
            }
        }
        for (var entry : draft.integration().talkdeskToOmni()) {
            String path = "integration.talkdeskToOmni." + entry._1;
            if (!talkdesk.contains(entry._1)) {
                problems = problems.append(unknownProblem(path, "Talkdesk status", entry._1));
            }
            if (!OmniStatus.OFFLINE_NAME.equals(entry._2) && !presence.contains(entry._2)) {
                problems = problems.append(unknownProblem(path, "presence status", entry._2));
            }
        }
        return problems;
    }

    /** "On a Call is reserved for when a call happens: it cannot be selected on the Talkdesk side." */
    static Seq<Problem> reservedStatusesAsTargets(ConfigurationDraft draft) {
        return draft.integration()
                .omniToTalkdesk()
                .toList()
                .filter(entry ->
                        entry._2 != null && TalkdeskStatusId.of(entry._2).isReservedForCalls())
                .map(entry -> new Problem(
                        ProblemCode.RESERVED_STATUS_AS_TARGET,
                        "integration.omniToTalkdesk." + entry._1,
                        "'" + entry._2 + "' is reserved for calls: only the call lifecycle sets it, so no Omni-Channel "
                                + "status may map to it; map '" + entry._1 + "' to an Away status instead"));
    }

    /** "Offline is left out of Talkdesk to Omni-Channel so Talkdesk does not kick agents out of Omni-Channel." */
    static Seq<Problem> offlineAsTarget(ConfigurationDraft draft) {
        return draft.integration()
                .talkdeskToOmni()
                .toList()
                .filter(entry -> OmniStatus.OFFLINE_NAME.equals(entry._2))
                .map(entry -> new Problem(
                        ProblemCode.OFFLINE_AS_TARGET,
                        "integration.talkdeskToOmni." + entry._1,
                        "Talkdesk statuses never log agents out of Omni-Channel: '" + entry._1
                                + "' cannot map to Offline; map it to a Busy presence status instead"));
    }

    /** One urgent channel per presence status; Busy lists none; Online serves at least one. */
    static Seq<Problem> channelsOfPresenceStatuses(ConfigurationDraft draft) {
        Set<String> urgent = draft.omniChannel()
                .serviceChannels()
                .filter(ConfigurationDraft.ServiceChannelDraft::urgent)
                .map(ConfigurationDraft.ServiceChannelDraft::apiName)
                .toSet();
        List<Problem> problems = List.empty();
        var statuses = draft.omniChannel().presenceStatuses().toVector();
        for (int i = 0; i < statuses.size(); i++) {
            PresenceStatusDraft status = statuses.get(i);
            String path = "omniChannel.presenceStatuses[" + i + "].channels";
            Seq<String> urgentServed = status.channels().distinct().filter(urgent::contains);
            if (urgentServed.size() > 1) {
                problems = problems.append(new Problem(
                        ProblemCode.MULTIPLE_URGENT_CHANNELS,
                        path,
                        "'" + status.apiName() + "' serves " + urgentServed.size() + " urgent channels ("
                                + urgentServed.mkString(", ") + "); a presence status may serve only one urgent "
                                + "channel at a time: do not mix voice with chat"));
            }
            if (status.option() == PresenceOption.BUSY && !status.channels().isEmpty()) {
                problems = problems.append(new Problem(
                        ProblemCode.CHANNELS_ON_BUSY_STATUS,
                        path,
                        "'" + status.apiName() + "' is Busy, which stops all new work, yet lists channels ("
                                + status.channels().mkString(", ") + ")"));
            }
            if (status.option() == PresenceOption.ONLINE && status.channels().isEmpty()) {
                problems = problems.append(new Problem(
                        ProblemCode.NO_CHANNEL_ON_ONLINE_STATUS,
                        path,
                        "'" + status.apiName() + "' is Online but serves no channel: no work could ever arrive"));
            }
        }
        return problems;
    }

    static Seq<Problem> conflictingAfterCallSettings(ConfigurationDraft draft) {
        if (settings(draft).hasConflictingAfterCallSettings()) {
            return List.of(new Problem(
                    ProblemCode.CONFLICTING_AFTER_CALL_SETTINGS,
                    "integration.returnToPreviousStatusAfterCall",
                    "'return to previous status after a call' and Talkdesk's 'Next agent status' preference cannot "
                            + "be enabled at the same time; turn one of them off"));
        }
        return List.empty();
    }

    static Seq<Problem> invalidValues(ConfigurationDraft draft) {
        List<Problem> problems = List.empty();
        var configurations = draft.omniChannel().presenceConfigurations().toVector();
        for (int i = 0; i < configurations.size(); i++) {
            if (configurations.get(i).capacity() < 1) {
                problems = problems.append(new Problem(
                        ProblemCode.INVALID_VALUE,
                        "omniChannel.presenceConfigurations[" + i + "].capacity",
                        "capacity must be at least 1, not "
                                + configurations.get(i).capacity()));
            }
        }
        for (var change : draft.integration().automaticStatusChanges()) {
            String path = "integration.automaticStatusChanges." + change._1;
            if (OmniReason.parse(change._1).isEmpty()) {
                problems = problems.append(new Problem(
                        ProblemCode.INVALID_VALUE,
                        path,
                        "'" + change._1 + "' is not a reason Omni-Channel reports; the reasons are "
                                + OmniReason.wireNames().mkString(", ")));
            }
            if (change._2 == null) {
                problems = problems.append(missing(path, "say SYNC or IGNORE for '" + change._1 + "'"));
            }
        }
        for (var hours : draft.integration().businessHours()) {
            if (hours.timeZone() == null || hours.start() == null || hours.end() == null) {
                problems = problems.append(
                        missing("integration.businessHours", "business hours need a timeZone, a start and an end"));
            } else if (!hours.start().isBefore(hours.end())) {
                problems = problems.append(new Problem(
                        ProblemCode.INVALID_VALUE,
                        "integration.businessHours.end",
                        "business hours end (" + hours.end() + ") must come after they start (" + hours.start() + ")"));
            }
            if (hours.days().isEmpty()) {
                problems = problems.append(new Problem(
                        ProblemCode.INVALID_VALUE,
                        "integration.businessHours.days",
                        "business hours need at least one day"));
            }
        }
        return problems;
    }

    /** An agent has at most one presence configuration; one assigned to the user wins over one of the profile. */
    static Seq<Problem> multiplePresenceConfigurations(ConfigurationDraft draft) {
        List<Problem> problems = List.empty();
        var configurations = draft.omniChannel().presenceConfigurations().toVector();
        var agents = draft.agents().toVector();
        for (int i = 0; i < agents.size(); i++) {
            AgentDraft agent = agents.get(i);
            Seq<String> byUser =
                    configurations.filter(c -> assignsUser(c, agent)).map(PresenceConfigurationDraft::name);
            Seq<String> byProfile = configurations
                    .filter(c -> c.profiles().contains(agent.profile()))
                    .map(PresenceConfigurationDraft::name);
            Seq<String> clash =
                    byUser.size() > 1 ? byUser : byUser.isEmpty() && byProfile.size() > 1 ? byProfile : List.empty();
            if (!clash.isEmpty()) {
                problems = problems.append(new Problem(
                        ProblemCode.MULTIPLE_PRESENCE_CONFIGURATIONS,
                        "agents[" + i + "]",
                        "agent '" + agent.id() + "' is given " + clash.size() + " presence configurations ("
                                + clash.mkString(", ") + "); an agent has at most one"));
            }
        }
        return problems;
    }

    // ---- warnings, read from the draft: they are reported with the errors too ------------------

    static Seq<Problem> warnings(ConfigurationDraft draft) {
        return onACallRoundTrip(draft)
                .appendAll(targetsNotGranted(draft))
                .appendAll(unmappedStatuses(draft))
                .appendAll(noAgents(draft));
    }

    /**
     * "In case agents pick On a Call in the widget, map the Omni-Channel On a Call status to a Talkdesk Away status."
     * A mapping that names a status that does not exist is an error of its own, and is not warned about.
     */
    static Seq<Problem> onACallRoundTrip(ConfigurationDraft draft) {
        var integration = draft.integration();
        return integration
                .talkdeskToOmni()
                .get(TalkdeskStatusId.ON_A_CALL.value())
                .filter(knownPresenceStatuses(draft)::contains)
                .toList()
                .flatMap(onACall -> {
                    Option<String> back = integration.omniToTalkdesk().get(onACall);
                    Option<TalkdeskStatusType> type =
                            back.flatMap(id -> talkdeskStatusTypes(draft).get(id));
                    if (back.isDefined() && type.isEmpty() || type.contains(TalkdeskStatusType.AWAY)) {
                        return List.empty();
                    }
                    String now = back.map(id -> "maps back to '" + id + "' (" + type.get() + ")")
                            .getOrElse("is not mapped back to Talkdesk");
                    return List.of(new Problem(
                            ProblemCode.ON_A_CALL_ROUND_TRIP,
                            "integration.omniToTalkdesk." + onACall,
                            "'" + onACall + "' (what Talkdesk On a Call maps to) " + now
                                    + "; agents should not pick it in the widget, but in case they do, map it to a"
                                    + " Talkdesk status of type AWAY"));
                });
    }

    /** Targets of Talkdesk → Omni that some agents are not granted, by profile or permission set. */
    static Seq<Problem> targetsNotGranted(ConfigurationDraft draft) {
        Set<String> known = knownPresenceStatuses(draft);
        java.util.Map<String, java.util.Set<String>> profiles =
                grantsByName(draft.omniChannel().profiles());
        java.util.Map<String, java.util.Set<String>> permissionSets =
                grantsByName(draft.omniChannel().permissionSets());
        // one agent per id, the last written, as the configuration keeps them
        java.util.Map<String, AgentDraft> agents = new java.util.LinkedHashMap<>();
        for (AgentDraft agent : draft.agents()) {
            if (agent.id() != null) {
                agents.put(agent.id(), agent);
            }
        }
        var talkdeskToOmni = draft.integration().talkdeskToOmni();
        return talkdeskToOmni.values().distinct().filter(known::contains).flatMap(target -> {
            java.util.List<String> lacking = new java.util.ArrayList<>();
            for (AgentDraft agent : agents.values()) {
                if (!isGranted(agent, target, profiles, permissionSets)) {
                    lacking.add(agent.id());
                }
            }
            if (lacking.isEmpty()) {
                return List.<Problem>empty();
            }
            java.util.Collections.sort(lacking);
            String from = talkdeskToOmni
                    .filter(e -> target.equals(e._2))
                    .keySet()
                    .toList()
                    .sorted()
                    .mkString(", ");
            return List.of(new Problem(
                    ProblemCode.TARGET_NOT_GRANTED,
                    "integration.talkdeskToOmni." + from,
                    "'" + target + "' is not granted to " + String.join(", ", lacking)
                            + " by profile or permission set; they will never be moved there"));
        });
    }

    private static boolean isGranted(
            AgentDraft agent,
            String status,
            java.util.Map<String, java.util.Set<String>> profiles,
            java.util.Map<String, java.util.Set<String>> permissionSets) {
        if (profiles.getOrDefault(agent.profile(), java.util.Set.of()).contains(status)) {
            return true;
        }
        return agent.permissionSets()
                .exists(name ->
                        permissionSets.getOrDefault(name, java.util.Set.of()).contains(status));
    }

    /** Each grant's statuses by its name; a name written twice keeps its last grant, as the configuration does. */
    private static java.util.Map<String, java.util.Set<String>> grantsByName(Seq<AccessGrantDraft> grants) {
        java.util.Map<String, java.util.Set<String>> byName = new java.util.HashMap<>();
        for (AccessGrantDraft grant : grants) {
            byName.put(
                    grant.name(),
                    new java.util.HashSet<>(grant.presenceStatuses().toJavaList()));
        }
        return byName;
    }

    static Seq<Problem> unmappedStatuses(ConfigurationDraft draft) {
        var integration = draft.integration();
        Seq<Problem> talkdesk = talkdeskStatusTypes(draft)
                .keySet()
                .toList()
                .filter(id -> !integration.talkdeskToOmni().containsKey(id))
                .map(id -> new Problem(
                        ProblemCode.UNMAPPED_STATUS,
                        "integration.talkdeskToOmni",
                        "Talkdesk status '" + id + "' has no Omni-Channel status: changes to it are not synced"));
        Seq<Problem> omni = draft.omniChannel()
                .presenceStatuses()
                .map(PresenceStatusDraft::apiName)
                .filter(id -> id != null && !OmniStatus.OFFLINE_NAME.equals(id))
                .distinct()
                .filter(id -> !integration.omniToTalkdesk().containsKey(id))
                .map(id -> new Problem(
                        ProblemCode.UNMAPPED_STATUS,
                        "integration.omniToTalkdesk",
                        "presence status '" + id + "' has no Talkdesk status: changes to it are not synced"));
        return talkdesk.appendAll(omni);
    }

    /** An empty list of agents is valid, but nothing would ever be synced: an admin should know. */
    static Seq<Problem> noAgents(ConfigurationDraft draft) {
        if (!draft.agents().isEmpty()) {
            return List.empty();
        }
        return List.of(new Problem(
                ProblemCode.NO_AGENTS,
                "agents",
                "no agents are listed: nothing will be synced until the agents are added under \"agents\""));
    }

    /** The built-in Talkdesk statuses then the custom ones, in that order, by id; an id written twice keeps its last type. */
    private static Map<String, TalkdeskStatusType> talkdeskStatusTypes(ConfigurationDraft draft) {
        Map<String, TalkdeskStatusType> types = LinkedHashMap.empty();
        for (TalkdeskStatus status : TalkdeskStatus.builtIns()) {
            types = types.put(status.id().value(), status.type());
        }
        for (var status : draft.talkdesk().statuses()) {
            if (status.id() != null && status.type() != null) {
                types = types.put(status.id(), status.type());
            }
        }
        return types;
    }

    // ---- building ----------------------------------------------------------------------------

    private static Configuration build(ConfigurationDraft draft) {
        Map<TalkdeskStatusId, TalkdeskStatus> talkdeskStatuses = LinkedHashMap.ofEntries(TalkdeskStatus.builtIns()
                .appendAll(draft.talkdesk()
                        .statuses()
                        .map(s -> new TalkdeskStatus(TalkdeskStatusId.of(s.id()), s.name(), s.type())))
                .map(s -> Tuple.of(s.id(), s)));
        Map<String, ServiceChannel> channels = LinkedHashMap.ofEntries(draft.omniChannel()
                .serviceChannels()
                .map(c -> Tuple.of(
                        c.apiName(), new ServiceChannel(c.apiName(), labelOr(c.label(), c.apiName()), c.urgent()))));
        Map<PresenceStatusId, PresenceStatus> presence = LinkedHashMap.ofEntries(draft.omniChannel()
                .presenceStatuses()
                .map(p -> new PresenceStatus(
                        PresenceStatusId.of(p.apiName()),
                        labelOr(p.label(), p.apiName()),
                        p.option(),
                        LinkedHashSet.ofAll(p.channels())))
                .map(p -> Tuple.of(p.id(), p)));
        Map<String, AccessGrant> profiles = grants(draft.omniChannel().profiles());
        Map<String, AccessGrant> permissionSets = grants(draft.omniChannel().permissionSets());
        PresenceConfigurations presenceConfigurations =
                new PresenceConfigurations(draft.omniChannel().presenceConfigurations());
        java.util.Map<AgentId, PresenceConfiguration> assigned = new java.util.HashMap<>();
        java.util.Map<AgentId, Agent> index =
                new java.util.HashMap<>(draft.agents().size() * 2);
        // a million agents share a few profiles, permission set lists and statuses: each is resolved once
        java.util.Map<Object, Set<PresenceStatusId>> grantedByAccess = new java.util.HashMap<>();
        java.util.Map<Seq<String>, Set<String>> permissionSetLists = new java.util.HashMap<>();
        java.util.Map<String, TalkdeskStatusId> talkdeskIds = new java.util.HashMap<>();
        java.util.Map<String, OmniStatus> omniStatuses = new java.util.HashMap<>();
        Map<AgentId, Agent> agents = LinkedHashMap.empty();
        for (AgentDraft a : draft.agents()) {
            Set<PresenceStatusId> granted = grantedByAccess.computeIfAbsent(
                    a.permissionSets().isEmpty()
                            ? a.profile()
                            : a.permissionSets().prepend(a.profile()),
                    access -> profiles.get(a.profile())
                            .map(AccessGrant::presenceStatuses)
                            .getOrElse(LinkedHashSet.empty())
                            .addAll(a.permissionSets()
                                    .flatMap(name -> permissionSets
                                            .get(name)
                                            .map(AccessGrant::presenceStatuses)
                                            .getOrElse(LinkedHashSet.empty()))));
            Option<PresenceConfiguration> configuration = presenceConfigurations.of(a);
            configuration.forEach(c -> assigned.put(AgentId.of(a.id()), c));
            Option<Integer> capacity = configuration.map(PresenceConfiguration::capacity);
            Agent agent = new Agent(
                    AgentId.of(a.id()),
                    a.talkdeskUserId(),
                    a.salesforceUserId(),
                    a.profile(),
                    a.permissionSets().isEmpty()
                            ? LinkedHashSet.empty()
                            : permissionSetLists.computeIfAbsent(a.permissionSets(), LinkedHashSet::ofAll),
                    granted,
                    capacity,
                    talkdeskIds.computeIfAbsent(a.talkdeskStatus(), TalkdeskStatusId::of),
                    omniStatuses.computeIfAbsent(a.omniStatus(), OmniStatus::parse));
            agents = agents.put(agent.id(), agent);
            index.put(agent.id(), agent);
        }
        Mapping mapping = new Mapping(
                LinkedHashMap.ofEntries(draft.integration()
                        .omniToTalkdesk()
                        .toList()
                        .map(e -> Tuple.of(OmniStatus.parse(e._1), TalkdeskStatusId.of(e._2)))),
                LinkedHashMap.ofEntries(draft.integration()
                        .talkdeskToOmni()
                        .toList()
                        .map(e -> Tuple.of(TalkdeskStatusId.of(e._1), PresenceStatusId.of(e._2)))));
        IntegrationSettings settings = settings(draft);
        Option<BusinessHours> hours = draft.integration()
                .businessHours()
                .map(h -> new BusinessHours(h.timeZone(), LinkedHashSet.ofAll(h.days()), h.start(), h.end()));
        RuleBook rules = RuleValidator.build(draft);
        Map<OmniReason, AutomaticChange> automatic = LinkedHashMap.ofEntries(draft.integration()
                .automaticStatusChanges()
                .toList()
                .flatMap(e -> OmniReason.parse(e._1).map(reason -> Tuple.of(reason, e._2))));
        return new Configuration(
                draft,
                talkdeskStatuses,
                channels,
                presence,
                agents,
                mapping,
                settings,
                hours,
                rules,
                java.util.Collections.unmodifiableMap(assigned),
                automatic,
                List.empty(),
                java.util.Collections.unmodifiableMap(index));
    }

    private static PresenceConfiguration presenceConfiguration(PresenceConfigurationDraft draft) {
        return new PresenceConfiguration(
                draft.name(),
                draft.capacity(),
                LinkedHashSet.ofAll(draft.profiles()),
                LinkedHashSet.ofAll(draft.users()),
                draft.statusOnDecline().map(PresenceStatusId::of),
                draft.statusOnPushTimeout().map(PresenceStatusId::of));
    }

    // ---- small helpers -----------------------------------------------------------------------

    private static IntegrationSettings settings(ConfigurationDraft draft) {
        return new IntegrationSettings(
                draft.integration().omniChannelSync(),
                draft.integration().returnToPreviousStatusAfterCall(),
                draft.talkdesk().nextAgentStatus());
    }

    static Set<String> knownTalkdeskStatuses(ConfigurationDraft draft) {
        return TalkdeskStatus.builtIns()
                .map(s -> s.id().value())
                .appendAll(draft.talkdesk().statuses().map(ConfigurationDraft.TalkdeskStatusDraft::id))
                .filter(id -> id != null)
                .toSet();
    }

    static Set<String> knownPresenceStatuses(ConfigurationDraft draft) {
        return draft.omniChannel()
                .presenceStatuses()
                .map(PresenceStatusDraft::apiName)
                .filter(id -> id != null)
                .toSet();
    }

    /**
     * Which presence configuration applies to an agent: the first that assigns her user, else the first that assigns
     * her profile (Salesforce's precedence). Indexed once, built once each, so a big file is not scanned per agent.
     */
    private static final class PresenceConfigurations {
        private final java.util.List<PresenceConfiguration> built = new java.util.ArrayList<>();
        private final java.util.Map<String, Integer> byUser = new java.util.HashMap<>();
        private final java.util.Map<String, Integer> byProfile = new java.util.HashMap<>();

        PresenceConfigurations(Seq<PresenceConfigurationDraft> drafts) {
            drafts.forEach(configuration -> {
                int index = built.size();
                built.add(presenceConfiguration(configuration));
                configuration.users().forEach(user -> byUser.putIfAbsent(user, index));
                configuration.profiles().forEach(profile -> byProfile.putIfAbsent(profile, index));
            });
        }

        Option<PresenceConfiguration> of(AgentDraft agent) {
            Option<Integer> byId = Option.of(byUser.get(agent.id()));
            Option<Integer> bySalesforceId = Option.of(byUser.get(agent.salesforceUserId()));
            Option<Integer> first = byId.isEmpty()
                    ? bySalesforceId
                    : bySalesforceId.map(other -> Math.min(other, byId.get())).orElse(byId);
            return first.orElse(() -> Option.of(byProfile.get(agent.profile()))).map(built::get);
        }
    }

    private static boolean assignsUser(PresenceConfigurationDraft configuration, AgentDraft agent) {
        return configuration.users().contains(agent.id())
                || configuration.users().contains(agent.salesforceUserId());
    }

    private static Map<String, AccessGrant> grants(Seq<AccessGrantDraft> drafts) {
        return LinkedHashMap.ofEntries(drafts.map(g -> Tuple.of(
                g.name(),
                new AccessGrant(
                        g.name(), LinkedHashSet.ofAll(g.presenceStatuses().map(PresenceStatusId::of))))));
    }

    private static String labelOr(String label, String fallback) {
        return label == null || label.isBlank() ? fallback : label;
    }

    private static Seq<Problem> unknownGrants(Seq<AccessGrantDraft> all, Set<String> presence, String path) {
        var grants = all.toVector();
        List<Problem> problems = List.empty();
        for (int i = 0; i < grants.size(); i++) {
            problems = problems.appendAll(unknown(
                    grants.get(i).presenceStatuses(),
                    presence,
                    path + "[" + i + "].presenceStatuses",
                    "presence status"));
        }
        return problems;
    }

    private static Seq<Problem> unknown(Seq<String> all, Set<String> known, String path, String what) {
        var names = all.toVector();
        List<Problem> problems = List.empty();
        for (int i = 0; i < names.size(); i++) {
            if (!known.contains(names.get(i))) {
                problems = problems.append(unknownProblem(path + "[" + i + "]", what, names.get(i)));
            }
        }
        return problems;
    }

    /**
     * A status Salesforce itself moves agents to (on decline, on push timeout) is a presence status
     * like any other: Offline is no presence status (logging out is the agent's own act).
     */
    private static Seq<Problem> unknownPresenceStatus(Option<String> name, Set<String> presence, String path) {
        return name.filter(status -> !presence.contains(status))
                .map(status -> OmniStatus.OFFLINE_NAME.equals(status)
                        ? new Problem(
                                ProblemCode.UNKNOWN_STATUS,
                                path,
                                "'Offline' means logged out of Omni-Channel, not a presence status Salesforce "
                                        + "can move an agent to; name a presence status")
                        : unknownProblem(path, "presence status", status))
                .toList();
    }

    private static Problem unknownProblem(String path, String what, String name) {
        return new Problem(
                ProblemCode.UNKNOWN_STATUS, path, "there is no " + what + " '" + VisibleText.shown(name) + "'");
    }

    private static Seq<Problem> duplicates(Seq<String> all, String path, String field, String what) {
        var ids = all.toVector();
        List<Problem> problems = List.empty();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id != null && !seen.add(id)) {
                problems = problems.append(new Problem(
                        ProblemCode.DUPLICATE_ID,
                        path + "[" + i + "]." + field,
                        "another " + what + " is already named '" + id + "'"));
            }
        }
        return problems;
    }

    private static Seq<Problem> blank(String value, String path, String message) {
        return value == null || value.isBlank() ? List.of(missing(path, message)) : List.empty();
    }

    private static Seq<Problem> blankNames(Seq<String> all, String path, String message) {
        var names = all.toVector();
        List<Problem> problems = List.empty();
        for (int i = 0; i < names.size(); i++) {
            problems = problems.appendAll(blank(names.get(i), path + "[" + i + "].name", message));
        }
        return problems;
    }

    private static Problem missing(String path, String message) {
        return new Problem(ProblemCode.MISSING_VALUE, path, message);
    }
}
