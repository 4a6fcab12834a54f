package io.omnisync.acceptance;

import io.cucumber.java.en.When;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.reporting.OmniPresenceChange;
import io.omnisync.application.reporting.ReportOmniPresenceChange;
import io.omnisync.application.reporting.ReportTalkdeskStatusChange;
import io.omnisync.application.reporting.TalkdeskStatusChange;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/**
 * How the vendors deliver their webhooks: at least once, and not always in order. A webhook
 * delivered again goes through the vendor (which knows it already sent it); a late one is what
 * a vendor's webhook is, a report to the engine's driving port, with an older time.
 */
public class DeliverySteps {

    private final World world;
    private final TalkdeskSandbox talkdesk;
    private final SalesforceSandbox salesforce;
    private final ReportTalkdeskStatusChange talkdeskWebhooks;
    private final ReportOmniPresenceChange omniWebhooks;

    @Inject
    public DeliverySteps(
            World world,
            TalkdeskSandbox talkdesk,
            SalesforceSandbox salesforce,
            ReportTalkdeskStatusChange talkdeskWebhooks,
            ReportOmniPresenceChange omniWebhooks) {
        this.world = world;
        this.talkdesk = talkdesk;
        this.salesforce = salesforce;
        this.talkdeskWebhooks = talkdeskWebhooks;
        this.omniWebhooks = omniWebhooks;
    }

    @When("{system} delivers {agent}'s change to {string} again")
    public void deliversAgain(VendorSystem system, AgentId agent, String status) {
        if (system == VendorSystem.TALKDESK) {
            String id = world.sheet().talkdeskId(status);
            World.Delivered before = world.deliveredBefore(agent, system, id);
            world.act(
                    VendorSystem.TALKDESK,
                    () -> talkdesk.agentPicks(agent, TalkdeskStatusId.of(id), Optional.of(before.eventId())));
        } else {
            String name = world.sheet().omniName(status);
            World.Delivered before = world.deliveredBefore(agent, system, name);
            world.act(
                    VendorSystem.OMNI,
                    () -> salesforce.agentPicks(agent, OmniStatus.parse(name), Optional.of(before.eventId())));
        }
    }

    @When("a(n) {system} webhook from {time} saying {agent} is {string} arrives late")
    public void lateWebhook(VendorSystem system, LocalTime time, AgentId agent, String status) {
        Instant at = world.clock()
                .instant()
                .atZone(world.sheet().timeZone())
                .with(time)
                .toInstant();
        EventId id = EventId.of(world.eventFor(agent, system, "late " + status).orElseThrow());
        if (system == VendorSystem.TALKDESK) {
            TalkdeskStatusId talkdeskStatus = TalkdeskStatusId.of(world.sheet().talkdeskId(status));
            world.run(() -> {
                talkdeskWebhooks.talkdeskStatusChanged(new TalkdeskStatusChange(agent, talkdeskStatus, id, at));
                return null;
            });
        } else {
            OmniStatus omniStatus = OmniStatus.parse(world.sheet().omniName(status));
            world.run(() -> {
                omniWebhooks.omniPresenceChanged(new OmniPresenceChange(agent, omniStatus, id, at));
                return null;
            });
        }
    }
}
