package io.omnisync.application.admin;

import io.omnisync.domain.configuration.ConfigurationDraft;

/**
 * Driving port: start the engine on its store with the configuration a host was given (SPEC 6).
 * <ul>
 *   <li>The store holds no configuration: {@code draft} is validated whole and runs; with
 *       {@code omniChannelSync} on that is an activation (every agent reconciled at once):
 *       {@link StartResult.StartedFresh}.
 *   <li>The store holds the same configuration (run-time settings, rule toggles and the agents'
 *       status fields aside: those are the store's to keep): it <b>resumes</b>. The store's
 *       configuration and run-time settings win, nothing is reconciled, and what its outbox holds
 *       is due at once: {@link StartResult.Resumed}.
 *   <li>The store holds a different configuration: {@link StartResult.Refused} (nothing changes),
 *       unless {@code policy} is {@link ReplacePolicy#REPLACE}: then {@code draft} replaces it as
 *       any replacement does (SPEC 4.9, its settings included), and the agents' status fields
 *       seed only agents the store does not know: {@link StartResult.Replaced}.
 *   <li>{@code draft} is invalid: {@link StartResult.Rejected} with every problem; nothing changes.
 * </ul>
 * Starting sends nothing: the host delivers (the outbox, an activation's commands).
 */
public interface StartEngine {

    /**
     * Starts the engine on its store with {@code draft}, as the class says: fresh, resumed, replaced,
     * or not at all (refused, rejected) with nothing changed.
     *
     * @throws IllegalArgumentException when {@code draft} or {@code policy} is null
     */
    StartResult start(ConfigurationDraft draft, ReplacePolicy policy);
}
