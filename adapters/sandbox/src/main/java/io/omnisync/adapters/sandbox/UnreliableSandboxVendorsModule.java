package io.omnisync.adapters.sandbox;

/**
 * The sandboxes with faults: a share of vendor calls fail, and reports are duplicated, delayed and
 * reordered, reproducibly for a seed. The engine must converge all the same.
 */
public class UnreliableSandboxVendorsModule extends SandboxVendorsModule {

    private final FaultPlan faults;

    public UnreliableSandboxVendorsModule() {
        this(FaultPlan.unreliable(42));
    }

    public UnreliableSandboxVendorsModule(FaultPlan faults) {
        this.faults = faults;
    }

    @Override
    protected FaultPlan faults() {
        return faults;
    }
}
