package io.omnisync.application.admin;

import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.vavr.control.Option;

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

    /**
     * Starts as {@link #start(ConfigurationDraft, ReplacePolicy)} does, {@code draft} read from the
     * file whose fingerprint is {@code file}: when the engine runs (fresh, resumed or replaced), the
     * store records that it runs that file, so that a restart with the same bytes may {@link #resume}.
     */
    default StartResult start(ConfigurationDraft draft, ReplacePolicy policy, ConfigurationFingerprint file) {
        return start(draft, policy);
    }

    /**
     * Resumes without reading the file again, when the store runs the configuration a file with this
     * fingerprint was started from (the same bytes: the same configuration, validated when it was
     * recorded): {@link StartResult.Resumed}, the store's configuration and run-time settings winning.
     * None when the store holds no configuration, or one started from another file, or does not know:
     * then the file is read and started with {@link #start(ConfigurationDraft, ReplacePolicy,
     * ConfigurationFingerprint)}. Nothing changes either way.
     */
    default Option<StartResult.Resumed> resume(ConfigurationFingerprint file) {
        return Option.none();
    }
}
