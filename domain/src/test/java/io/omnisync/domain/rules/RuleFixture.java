package io.omnisync.domain.rules;

import io.omnisync.domain.GuideSetup;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ActionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ConditionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Integration;
import io.omnisync.domain.configuration.ConfigurationDraft.OmniChannel;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.RuleDraft;
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
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat-and-voice contact center with presence sync rules: maria has a capacity of 4 units
 * (presence configuration "Chat"), Talkdesk has a custom busy status "at_capacity".
 */
final class RuleFixture {

    static final AgentId MARIA = AgentId.of("maria");
    private static final AtomicLong IDS = new AtomicLong();
    private static final Instant START = Instant.parse("2026-01-06T09:00:00Z");

    private RuleFixture() {}

    static RuleDraft rule(
            String name, String trigger, Seq<ConditionDraft> conditions, String logic, String system, String status) {
        return new RuleDraft(name, true, trigger, conditions, logic, new ActionDraft(system, status));
    }

    static ConditionDraft when(String left, String operator, Object right) {
        return new ConditionDraft(left, operator, right);
    }

    static ConfigurationDraft draft(Seq<RuleDraft> rules) {
        return new ConfigurationDraft(
                new Talkdesk(
                        List.of(
                                new TalkdeskStatusDraft("at_capacity", "At capacity", TalkdeskStatusType.BUSY),
                                new TalkdeskStatusDraft("chat_only", "Chat Only", TalkdeskStatusType.BUSY)),
                        false),
                new OmniChannel(
                        List.of(
                                new ServiceChannelDraft("Phone", "Phone", true),
                                new ServiceChannelDraft("Chat", "Chat", true),
                                new ServiceChannelDraft("Email", "Email", false)),
                        List.of(
                                new PresenceStatusDraft(
                                        "Available_for_Calls",
                                        "Available for calls",
                                        PresenceOption.ONLINE,
                                        List.of("Phone", "Email")),
                                new PresenceStatusDraft(
                                        "Chat_Only", "Chat Only", PresenceOption.ONLINE, List.of("Chat", "Email")),
                                new PresenceStatusDraft("Busy", "Busy", PresenceOption.BUSY, List.empty()),
                                new PresenceStatusDraft("Secret", "Secret", PresenceOption.BUSY, List.empty())),
                        List.of(new AccessGrantDraft("Agent", List.of("Available_for_Calls", "Chat_Only", "Busy"))),
                        List.empty(),
                        List.of(new PresenceConfigurationDraft("Chat", 4, List.of("Agent"), List.empty()))),
                List.of(new AgentDraft("maria", "td-1", "005A", "Agent", List.empty(), "available", "Chat_Only")),
                new Integration(
                        true,
                        false,
                        LinkedHashMap.of(
                                "Available_for_Calls",
                                "available",
                                "Chat_Only",
                                "chat_only",
                                "Busy",
                                "away",
                                "Offline",
                                "offline"),
                        LinkedHashMap.of(
                                "available",
                                "Available_for_Calls",
                                "chat_only",
                                "Chat_Only",
                                "away",
                                "Busy",
                                "at_capacity",
                                "Busy"),
                        Option.none(),
                        rules));
    }

    static Configuration configuration(Seq<RuleDraft> rules) {
        return Configuration.validate(draft(rules))
                .fold(
                        problems -> {
                            throw new AssertionError("expected a valid configuration: " + problems.mkString("; "));
                        },
                        configuration -> configuration);
    }

    static Seq<Problem> problems(Seq<RuleDraft> rules) {
        return Configuration.validate(draft(rules)).fold(problems -> problems, Configuration::warnings);
    }

    static AgentSession maria(Configuration configuration) {
        return AgentSession.of(configuration.agent(MARIA).get());
    }

    static AgentEvent workload(int units) {
        return new AgentEvent.OmniWorkloadReported(next(), MARIA, at(), units);
    }

    static AgentEvent accepted(String channel) {
        return new AgentEvent.OmniWorkAccepted(next(), MARIA, at(), channel);
    }

    static AgentEvent omni(String status) {
        return new AgentEvent.OmniStatusReported(next(), MARIA, at(), OmniStatus.parse(status));
    }

    static AgentEvent talkdesk(String status) {
        return new AgentEvent.TalkdeskStatusReported(next(), MARIA, at(), TalkdeskStatusId.of(status));
    }

    /** Applies the events in order, each on the session the previous one left; returns the last decision. */
    static AgentDecision after(Configuration configuration, AgentEvent... events) {
        AgentSession session = maria(configuration);
        AgentDecision decision = AgentDecision.nothing(session);
        for (AgentEvent event : events) {
            decision = GuideSetup.decide(configuration, decision.session(), event);
        }
        return decision;
    }

    private static EventId next() {
        return EventId.of("evt-" + IDS.incrementAndGet());
    }

    private static Instant at() {
        return START.plusSeconds(IDS.get());
    }
}
