package io.omnisync.adapters.sandbox;

import io.omnisync.domain.agent.AgentId;

/**
 * The engine and the sandboxes kept one agent moving: more reports of hers were delivered in one
 * settling than any step of a scenario can cause. A defect (a loop between the two vendors), not
 * bad input.
 */
public class SimulationDidNotSettle extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulationDidNotSettle(AgentId agent, int deliveries) {
        super(
                "the simulation did not settle: " + deliveries + " reports about agent '" + agent
                        + "' were delivered after one step (at most " + Simulation.MAX_DELIVERIES_PER_AGENT
                        + " are expected); the engine and the vendors keep moving her",
                null,
                false,
                false);
    }
}
