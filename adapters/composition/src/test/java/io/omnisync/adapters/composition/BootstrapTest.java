package io.omnisync.adapters.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import org.junit.jupiter.api.Test;

/** The composition root says in one line what a host forgot to install, and builds the engine when nothing is missing. */
class BootstrapTest {

    @Test
    void an_engine_without_vendors_store_or_clock_is_one_clear_line_naming_what_to_install() {
        assertThatThrownBy(Omnisync::create)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Omnisync cannot start: install a vendor module (your TalkdeskPresence and "
                        + "OmniChannelPresence adapters, or SandboxVendorsModule); a store module "
                        + "(InMemoryStoreModule, or SqliteStoreModule with a ConfigurationCodec); a Clock "
                        + "(SystemClockModule for real time)");
    }

    @Test
    void only_what_is_missing_is_named() {
        assertThatThrownBy(() -> Omnisync.create(new InMemoryStoreModule(), new SystemClockModule()))
                .hasMessage("Omnisync cannot start: install a vendor module (your TalkdeskPresence and "
                        + "OmniChannelPresence adapters, or SandboxVendorsModule)");
    }

    @Test
    void with_vendors_store_and_clock_the_engine_is_built_and_knows_no_configuration_yet() {
        Omnisync omnisync = Omnisync.create(new SandboxVendorsModule(), new InMemoryStoreModule());

        assertThat(omnisync.agents()).isEmpty();
        assertThat(omnisync.pendingCommands()).isEmpty();
    }
}
