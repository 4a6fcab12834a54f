package io.omnisync.acceptance;

import com.google.inject.Module;
import io.omnisync.adapters.sandbox.SandboxVendorsModule;
import io.omnisync.adapters.sandbox.UnreliableSandboxVendorsModule;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The vendor adapter sets the same features run against, each one Guice module, chosen by the
 * system property {@value #PROPERTY}. Adding a set (real vendors behind HTTP, say) is adding a
 * constant here; the features do not change.
 */
enum VendorAdapters {

    /** In-memory Talkdesk and Salesforce that keep the vendors' rules. */
    SANDBOX("sandbox", SandboxVendorsModule::new),
    /** The same sandboxes failing calls and duplicating, delaying and reordering webhooks (seeded). */
    UNRELIABLE_SANDBOX("unreliable-sandbox", UnreliableSandboxVendorsModule::new);

    static final String PROPERTY = "omnisync.vendors";

    private final String name;
    private final Supplier<Module> module;

    VendorAdapters(String name, Supplier<Module> module) {
        this.name = name;
        this.module = module;
    }

    /** A fresh module: each scenario gets vendors of its own. */
    Module module() {
        return module.get();
    }

    static VendorAdapters selected() {
        String wanted = System.getProperty(PROPERTY, SANDBOX.name).trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(set -> set.name.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("-D" + PROPERTY + "=" + wanted
                        + " names no vendor adapter set; one of "
                        + Arrays.stream(values()).map(set -> set.name).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return name;
    }
}
