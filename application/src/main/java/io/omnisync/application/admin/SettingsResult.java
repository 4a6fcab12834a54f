package io.omnisync.application.admin;

import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.sync.Command;
import io.vavr.collection.Seq;

/** What became of an admin change: applied (with the commands it sent), or refused by the domain. */
public sealed interface SettingsResult {

    record Applied(IntegrationSettings settings, Seq<Command> commands) implements SettingsResult {}

    record Refused(Refusal refusal) implements SettingsResult {}
}
