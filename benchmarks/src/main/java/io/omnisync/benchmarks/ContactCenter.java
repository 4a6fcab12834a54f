package io.omnisync.benchmarks;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Integration;
import io.omnisync.domain.configuration.ConfigurationDraft.OmniChannel;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ServiceChannelDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Talkdesk;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The guide's contact center (examples/contact-center.json) with as many agents as a benchmark asks for. */
final class ContactCenter {

    static final List<String> TALKDESK_PICKS = List.of("available", "away", "lunch", "chat_only");
    static final List<String> OMNI_PICKS =
            List.of("Available_for_Calls", "Chat_Only", "Away_from_Desk", "Lunch_Break", "On_a_Call");

    private ContactCenter() {}

    static String agent(int i) {
        return "agent-" + i;
    }

    static ConfigurationDraft draft(int agents, boolean sync) {
        var talkdesk = new Talkdesk(
                List.of(
                        new TalkdeskStatusDraft("chat_only", "Chat Only", TalkdeskStatusType.BUSY),
                        new TalkdeskStatusDraft("lunch", "Lunch", TalkdeskStatusType.AWAY)),
                false);
        var omni = new OmniChannel(
                List.of(
                        new ServiceChannelDraft("Phone", "Phone", true),
                        new ServiceChannelDraft("Chat", "Chat", true),
                        new ServiceChannelDraft("Case", "Case", false)),
                List.of(
                        new PresenceStatusDraft(
                                "Available_for_Calls",
                                "Available for calls",
                                PresenceOption.ONLINE,
                                List.of("Phone", "Case")),
                        new PresenceStatusDraft(
                                "Chat_Only", "Chat Only", PresenceOption.ONLINE, List.of("Chat", "Case")),
                        new PresenceStatusDraft("On_a_Call", "On a Call", PresenceOption.BUSY, List.empty()),
                        new PresenceStatusDraft(
                                "After_Call_Work", "After Call Work", PresenceOption.BUSY, List.empty()),
                        new PresenceStatusDraft("Away_from_Desk", "Away from desk", PresenceOption.BUSY, List.empty()),
                        new PresenceStatusDraft("Lunch_Break", "Lunch break", PresenceOption.BUSY, List.empty())),
                List.of(new AccessGrantDraft(
                        "Agent",
                        List.of(
                                "Available_for_Calls",
                                "Chat_Only",
                                "On_a_Call",
                                "After_Call_Work",
                                "Away_from_Desk",
                                "Lunch_Break"))),
                List.empty(),
                List.of(new PresenceConfigurationDraft("Agents", 4, List.of("Agent"), List.empty())));
        var people = List.range(0, agents)
                .map((Integer i) -> new AgentDraft(
                        agent(i), "td-" + i, "005" + i, "Agent", List.empty(), "available", "Available_for_Calls"))
                .toList();
        var integration = new Integration(
                sync,
                true,
                LinkedHashMap.of(
                                "Available_for_Calls",
                                "available",
                                "Chat_Only",
                                "chat_only",
                                "On_a_Call",
                                "away",
                                "After_Call_Work",
                                "away",
                                "Away_from_Desk",
                                "away")
                        .put("Lunch_Break", "away")
                        .put("Offline", "offline"),
                LinkedHashMap.of(
                                "available",
                                "Available_for_Calls",
                                "on_a_call",
                                "On_a_Call",
                                "after_call_work",
                                "After_Call_Work",
                                "away",
                                "Away_from_Desk",
                                "lunch",
                                "Lunch_Break")
                        .put("chat_only", "Chat_Only"),
                Option.none(),
                List.empty());
        return new ConfigurationDraft(talkdesk, omni, people, integration);
    }

    static Configuration configuration(int agents) {
        return Configuration.validate(draft(agents, true))
                .fold(
                        problems -> {
                            throw new IllegalStateException(
                                    "the benchmark configuration is invalid: " + problems.mkString("; "));
                        },
                        configuration -> configuration);
    }
}
