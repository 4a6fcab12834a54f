package io.omnisync.adapters.composition;

import com.google.inject.AbstractModule;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.application.vendor.CommandId;
import io.omnisync.application.vendor.OmniChannelPresence;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.status.PresenceStatusId;
import io.omnisync.domain.status.TalkdeskStatusId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

// README:BEGIN
/** A host application embedding Omnisync with its own vendor adapters. */
public final class EmbeddingExample {

    /** The host's vendor clients (HTTP calls in production); here they remember what they were asked. */
    static final class MyVendors extends AbstractModule implements TalkdeskPresence, OmniChannelPresence {
        final List<String> calls = new ArrayList<>();

        @Override
        protected void configure() {
            bind(TalkdeskPresence.class).toInstance(this);
            bind(OmniChannelPresence.class).toInstance(this);
        }

        @Override
        public VendorAnswer setAgentStatus(Agent agent, TalkdeskStatusId status) {
            calls.add("PUT talkdesk /users/" + agent.talkdeskUserId() + "/status " + status);
            return VendorAnswer.ACCEPTED;
        }

        @Override
        public VendorAnswer setPresenceStatus(CommandId command, Agent agent, PresenceStatusId status) {
            calls.add("PATCH salesforce /UserServicePresence/" + agent.salesforceUserId() + " " + status);
            return VendorAnswer.ACCEPTED;
        }
    }

    public static List<String> run(Path configuration) {
        MyVendors vendors = new MyVendors();
        // the engine, the host's vendors, in-memory stores and real time: one module each
        Omnisync omnisync = Omnisync.create(vendors, new InMemoryStoreModule(), new SystemClockModule());

        omnisync.load(JsonConfigurationFile.read(configuration).get().draft());
        omnisync.turnSync(true, true); // forced: the guide advises after business hours
        omnisync.deliverDue(); // commands go out when the host delivers; a service calls startDelivery() once

        // webhooks, as the vendors deliver them: their event ids and times
        Instant nine = Instant.parse("2026-01-05T09:00:00Z");
        omnisync.talkdeskStatusChanged("joao", "lunch", "td-evt-1001", nine);
        omnisync.talkdeskStatusChanged("joao", "lunch", "td-evt-1001", nine); // a redelivery: ignored
        omnisync.omniStatusChanged("maria", "Chat_Only", "sf-evt-2001", nine.plusSeconds(4));
        omnisync.deliverDue();

        return vendors.calls;
    }
}
// README:END
