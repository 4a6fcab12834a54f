package io.omnisync.benchmarks;

import com.google.inject.Module;
import io.omnisync.adapters.composition.Bootstrap;
import io.omnisync.adapters.sandbox.SalesforceSandbox;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.adapters.sandbox.Simulation;
import io.omnisync.adapters.sandbox.TalkdeskSandbox;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import jakarta.inject.Inject;

/** The engine on the sandboxes, as an end-to-end benchmark drives it; built by the composition root. */
public final class SandboxRig {

    final TalkdeskSandbox talkdesk;
    final SalesforceSandbox salesforce;
    final Simulation simulation;
    private final LoadConfiguration configurations;

    @Inject
    SandboxRig(
            TalkdeskSandbox talkdesk,
            SalesforceSandbox salesforce,
            Simulation simulation,
            LoadConfiguration configurations) {
        this.talkdesk = talkdesk;
        this.salesforce = salesforce;
        this.simulation = simulation;
        this.configurations = configurations;
    }

    /** The engine and the sandboxes, with {@code store}; the sandboxes start where the configuration says. */
    static SandboxRig started(ConfigurationDraft draft, Module... store) {
        Module[] modules = new Module[store.length + 1];
        modules[0] = new SandboxVendorsModule();
        System.arraycopy(store, 0, modules, 1, store.length);
        SandboxRig rig = new Bootstrap(modules).initialize(SandboxRig.class);
        var configuration =
                io.omnisync.domain.configuration.Configuration.validate(draft).get();
        rig.talkdesk.reset(configuration);
        rig.salesforce.reset(configuration);
        rig.configurations.load(draft);
        rig.simulation.runUntilQuiet();
        return rig;
    }
}
