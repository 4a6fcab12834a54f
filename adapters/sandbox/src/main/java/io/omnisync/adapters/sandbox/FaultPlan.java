package io.omnisync.adapters.sandbox;

/**
 * How badly the sandboxes behave: the share of set-status calls that fail (the vendor is
 * unreachable; the call may be retried), and the share of reports delivered twice, held back a
 * while, or delivered out of order. Seeded, so a run can be replayed.
 */
public record FaultPlan(double failRate, double duplicateRate, double delayRate, double reorderRate, long seed) {

    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0);

    public FaultPlan {
        for (double rate : new double[] {failRate, duplicateRate, delayRate, reorderRate}) {
            if (rate < 0 || rate >= 1) {
                throw new IllegalArgumentException("a fault rate is in [0, 1): " + rate);
            }
        }
    }

    /** A plan that exercises every fault at once. */
    public static FaultPlan unreliable(long seed) {
        return new FaultPlan(0.3, 0.2, 0.2, 0.2, seed);
    }

    public boolean isNone() {
        return failRate == 0 && duplicateRate == 0 && delayRate == 0 && reorderRate == 0;
    }
}
