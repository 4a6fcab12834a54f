package io.omnisync.application.admin;

import io.omnisync.domain.settings.SettingsChange;
import io.omnisync.domain.sync.AgentDecision;
import io.vavr.collection.Seq;

/**
 * Driving port: the admin's switches, which take effect at once: the 'Omni-Channel' toggle (with
 * its dry run and its business-hours guard), 'return to previous status after a call', Talkdesk's
 * 'Next agent status' preference, and each presence sync rule's toggle.
 */
public interface ChangeIntegrationSettings {

    SettingsResult change(SettingsChange change);

    /** The dry run of activation: what turning sync on would send now. Sends nothing. */
    Seq<AgentDecision> planActivation();
}
