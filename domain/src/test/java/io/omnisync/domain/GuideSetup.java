package io.omnisync.domain;

import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.BusinessHoursDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Integration;
import io.omnisync.domain.configuration.ConfigurationDraft.OmniChannel;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ServiceChannelDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Talkdesk;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.event.AgentEvent;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.omnisync.domain.sync.AgentDecision;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.PresenceSync;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The contact center of the setup guide, as drafts tests can bend: Talkdesk custom statuses
 * "chat_only" (busy) and "lunch" (away); presence statuses Available for calls, Chat Only,
 * On a Call, After Call Work, Away from desk, Lunch break; maria (every status), ana (no Chat
 * Only). Sync on, return to previous status off.
 */
public final class GuideSetup {

    public static final AgentId MARIA = AgentId.of("maria");
    public static final AgentId ANA = AgentId.of("ana");
    private static final AtomicLong IDS = new AtomicLong();
    private static final AtomicLong CLOCK =
            new AtomicLong(Instant.parse("2026-01-06T09:00:00Z").getEpochSecond());

    private GuideSetup() {}

    public static ConfigurationDraft draft() {
        return new ConfigurationDraft(
                new Talkdesk(
                        List.of(
                                new TalkdeskStatusDraft("chat_only", "Chat Only", TalkdeskStatusType.BUSY),
                                new TalkdeskStatusDraft("lunch", "Lunch", TalkdeskStatusType.AWAY)),
                        false),
                new OmniChannel(
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
                                new PresenceStatusDraft(
                                        "Away_from_Desk", "Away from desk", PresenceOption.BUSY, List.empty()),
                                new PresenceStatusDraft(
                                        "Lunch_Break", "Lunch break", PresenceOption.BUSY, List.empty())),
                        List.of(new AccessGrantDraft(
                                "Agent",
                                List.of(
                                        "Available_for_Calls",
                                        "On_a_Call",
                                        "After_Call_Work",
                                        "Away_from_Desk",
                                        "Lunch_Break"))),
                        List.of(new AccessGrantDraft("Chat_Team", List.of("Chat_Only"))),
                        List.of(new PresenceConfigurationDraft("Agents", 3, List.of("Agent"), List.empty()))),
                List.of(
                        new AgentDraft(
                                "maria",
                                "td-1",
                                "005A",
                                "Agent",
                                List.of("Chat_Team"),
                                "available",
                                "Available_for_Calls"),
                        new AgentDraft(
                                "ana", "td-2", "005B", "Agent", List.empty(), "available", "Available_for_Calls")),
                new Integration(
                        true,
                        false,
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
                        List.empty()));
    }

    public static ConfigurationDraft withIntegration(ConfigurationDraft draft, UnaryOperator<Integration> change) {
        return new ConfigurationDraft(
                draft.talkdesk(), draft.omniChannel(), draft.agents(), change.apply(draft.integration()));
    }

    public static Integration integration(Integration base, boolean sync, boolean returnToPrevious) {
        return new Integration(
                sync,
                returnToPrevious,
                base.omniToTalkdesk(),
                base.talkdeskToOmni(),
                base.businessHours(),
                base.presenceSyncRules());
    }

    public static Integration mapping(
            Integration base,
            LinkedHashMap<String, String> omniToTalkdesk,
            LinkedHashMap<String, String> talkdeskToOmni) {
        return new Integration(
                base.omniChannelSync(),
                base.returnToPreviousStatusAfterCall(),
                omniToTalkdesk,
                talkdeskToOmni,
                base.businessHours(),
                base.presenceSyncRules());
    }

    /** Monday to Friday, 08:00 to 20:00 in Lisbon. */
    public static Integration businessHours(Integration base) {
        return new Integration(
                base.omniChannelSync(),
                base.returnToPreviousStatusAfterCall(),
                base.omniToTalkdesk(),
                base.talkdeskToOmni(),
                Option.some(new BusinessHoursDraft(
                        ZoneId.of("Europe/Lisbon"),
                        List.of(
                                DayOfWeek.MONDAY,
                                DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY),
                        LocalTime.of(8, 0),
                        LocalTime.of(20, 0))),
                base.presenceSyncRules());
    }

    public static Configuration configuration(ConfigurationDraft draft) {
        return Configuration.validate(draft)
                .fold(
                        problems -> {
                            throw new AssertionError("expected a valid configuration: " + problems.mkString("; "));
                        },
                        configuration -> configuration);
    }

    public static Configuration configuration() {
        return configuration(draft());
    }

    public static Seq<Problem> problems(ConfigurationDraft draft) {
        return Configuration.validate(draft).fold(problems -> problems, Configuration::warnings);
    }

    /** The decision function for an agent of {@code configuration}, who must be configured. */
    public static AgentDecision decide(Configuration configuration, AgentSession session, AgentEvent event) {
        return PresenceSync.decide(
                configuration, configuration.agent(session.agent()).get(), session, event);
    }

    /** The report a vendor sends back once it made {@code command}'s change. */
    public static AgentEvent echoOf(Command command) {
        return command.sendTo(new Command.Vendors<AgentEvent>() {
            @Override
            public AgentEvent talkdesk(Command.SetTalkdeskStatus set) {
                return new AgentEvent.TalkdeskStatusReported(nextId(), set.agent(), tick(), set.status());
            }

            @Override
            public AgentEvent omni(Command.SetOmniStatus set) {
                return new AgentEvent.OmniStatusReported(nextId(), set.agent(), tick(), set.status());
            }
        });
    }

    public static AgentEvent talkdesk(AgentId agent, String status) {
        return new AgentEvent.TalkdeskStatusReported(nextId(), agent, tick(), TalkdeskStatusId.of(status));
    }

    public static AgentEvent omni(AgentId agent, String status) {
        return new AgentEvent.OmniStatusReported(nextId(), agent, tick(), OmniStatus.parse(status));
    }

    public static EventId nextId() {
        return EventId.of("evt-" + IDS.incrementAndGet());
    }

    public static Instant tick() {
        return Instant.ofEpochSecond(CLOCK.incrementAndGet());
    }
}
