package io.omnisync.adapters.kafka.topology;

import io.omnisync.adapters.kafka.codec.CommandCodec;
import io.omnisync.adapters.kafka.codec.CommandRecord;
import io.omnisync.adapters.kafka.codec.FactCodec;
import io.omnisync.adapters.kafka.codec.FactRecord;
import io.omnisync.domain.event.VendorSystem;

/** What a decision sends on: a command for one vendor's topic, or a fact for the audit trail. */
sealed interface Outbound {

    byte[] value();

    /** A command for the topic of the vendor it is for. */
    record ToVendor(CommandRecord command) implements Outbound {
        boolean isFor(VendorSystem system) {
            return command.command().system() == system;
        }

        @Override
        public byte[] value() {
            return CommandCodec.encode(command);
        }
    }

    /** A fact for the facts topic. */
    record ToAudit(FactRecord fact) implements Outbound {
        @Override
        public byte[] value() {
            return FactCodec.encode(fact);
        }
    }

    static boolean isFor(Outbound outbound, VendorSystem system) {
        return outbound instanceof ToVendor command && command.isFor(system);
    }
}
