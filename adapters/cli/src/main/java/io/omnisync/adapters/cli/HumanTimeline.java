package io.omnisync.adapters.cli;

import io.omnisync.application.store.PendingCommand;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.CommandFailure;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.Seq;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/** The timeline a person reads: each event, then what the engine did about it, indented. */
final class HumanTimeline implements Timeline {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE HH:mm").withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final boolean showEchoes;

    HumanTimeline(PrintWriter out, boolean showEchoes) {
        this.out = out;
        this.showEchoes = showEchoes;
    }

    @Override
    public void happened(int line, Instant at, String what) {
        out.println();
        out.printf("%s UTC  %s%n", TIME.format(at), what);
    }

    @Override
    public void vendorRefused(int line, String agent, String reason) {
        out.printf("            x  the vendor said no: %s%n", reason);
    }

    @Override
    public void callOffered(int line, String agent, boolean rings, String detail) {
        out.printf("            %s  %s%n", rings ? "*" : "x", detail);
    }

    @Override
    public void facts(Seq<Fact> facts) {
        facts.forEach(this::fact);
        out.flush();
    }

    private void fact(Fact fact) {
        if (fact instanceof Fact.Synced synced) {
            out.printf("            -> %s%s%n", describe(synced.command()), automatic(fact));
        } else if (fact instanceof Fact.Skipped skipped) {
            boolean echo = skipped.reason() == SkipReason.ECHO;
            if (!echo || showEchoes) {
                out.printf(
                        "            .  %s: %s (%s)%s%n",
                        skipped.agent(), skipped.detail(), skipped.reason(), automatic(fact));
            }
        } else if (fact instanceof Fact.Refused refused) {
            out.printf(
                    "            !  refused (%s): %s%n",
                    refused.refusal().code(), refused.refusal().message());
        } else if (fact instanceof Fact.StatusRemembered remembered) {
            out.printf(
                    "            .  %s: will return to '%s' in Omni-Channel after the call%n",
                    remembered.agent(), remembered.status());
        } else if (fact instanceof Fact.CommandFailed failed) {
            if (failed.failure() == CommandFailure.UNKNOWN_AT_VENDOR) {
                out.printf(
                        "            x  %s failed: the vendor no longer knows '%s' (renamed or deleted there; update "
                                + "the configuration): %s (%s)%n",
                        describe(failed.command()), failed.command().statusName(), failed.reason(), failed.failure());
            } else {
                out.printf("            x  %s failed: %s%n", describe(failed.command()), failed.reason());
            }
        } else if (fact instanceof Fact.Superseded superseded) {
            out.printf(
                    "            x  %s was never sent: '%s' came after it%n",
                    describe(superseded.command()), superseded.by().statusName());
        } else if (fact instanceof Fact.Expired expired) {
            out.printf("            x  %s expired: nobody applied it in time%n", describe(expired.command()));
        } else if (fact instanceof Fact.SettingsChanged changed) {
            out.printf(
                    "            =  settings: Omni-Channel sync %s, return to previous status %s, "
                            + "next agent status %s%n",
                    onOff(changed.settings().omniChannelSync()),
                    onOff(changed.settings().returnToPreviousStatusAfterCall()),
                    onOff(changed.settings().nextAgentStatus()));
        } else if (fact instanceof Fact.RuleToggled toggled) {
            out.printf("            =  rule '%s' %s%n", toggled.rule(), toggled.enabled() ? "enabled" : "disabled");
        }
    }

    @Override
    public void pending(Seq<PendingCommand> pending) {
        pending.forEach(p -> out.printf(
                "            ?  still pending after %d attempts: %s (last error: %s)%n",
                p.attempts(), describe(p.command()), p.lastError().getOrElse("none")));
    }

    @Override
    public void finished(Seq<AgentSession> agents, Function<AgentSession, String[]> vendorStatuses) {
        out.println();
        out.printf("%-12s %-20s %-20s%n", "agent", "Talkdesk", "Omni-Channel");
        agents.forEach(session -> {
            String[] statuses = vendorStatuses.apply(session);
            out.printf("%-12s %-20s %-20s%n", session.agent(), statuses[0], statuses[1]);
        });
        out.flush();
    }

    /**
     * Salesforce's own moves say so; the agent's own picks (most reports) need no word, nor does a
     * skip whose sentence already names the reason.
     */
    private static String automatic(Fact fact) {
        boolean said = fact instanceof Fact.Skipped skipped && skipped.reason() == SkipReason.AUTOMATIC_CHANGE_IGNORED;
        return fact.omniReason()
                .filter(reason -> reason != OmniReason.MANUAL && !said)
                .map(reason -> " [" + reason + "]")
                .getOrElse("");
    }

    private static String describe(Command command) {
        String system = command.system() == VendorSystem.TALKDESK ? "Talkdesk" : "Omni-Channel";
        return "set " + command.agent() + " to '" + command.statusName() + "' in " + system + " (" + command.because()
                + ")";
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
