package io.omnisync.adapters.jdbc;

import io.omnisync.application.store.ConfigurationCodec;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.settings.IntegrationSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 2: the settings and rule toggles changed at run time live in the configuration
 * as written. A store of version 1 kept them in columns beside a draft that did not know them
 * (and the rule toggles as text, {@code +name} / {@code -name} a line); they are written into the
 * draft, through the same codec that wrote it, and the columns are dropped.
 */
final class SettingsIntoTheDraft implements JavaMigration {

    private final ConfigurationCodec codec;

    SettingsIntoTheDraft(ConfigurationCodec codec) {
        this.codec = codec;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "settings in the draft";
    }

    @Override
    public Integer getChecksum() {
        return 2;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT draft, omni_channel_sync, return_to_previous, "
                        + "next_agent_status, rules_enabled FROM configuration WHERE id = 1")) {
            if (row.next()) {
                String stored = row.getString(1);
                ConfigurationDraft draft = codec.decode(stored)
                        .getOrElseThrow(problem -> new StoreException(
                                "the stored configuration does not read, so its settings cannot be moved into it: "
                                        + problem))
                        .withSettings(new IntegrationSettings(row.getBoolean(2), row.getBoolean(3), row.getBoolean(4)));
                for (String toggle : row.getString(5).split("\n", -1)) {
                    if (!toggle.isEmpty()) {
                        draft = draft.withRuleEnabled(toggle.substring(1), toggle.charAt(0) == '+');
                    }
                }
                try (PreparedStatement update =
                        connection.prepareStatement("UPDATE configuration SET draft = ? WHERE id = 1")) {
                    update.setString(1, codec.encode(draft));
                    update.executeUpdate();
                }
            }
        }
        try (Statement drop = connection.createStatement()) {
            for (String column :
                    new String[] {"omni_channel_sync", "return_to_previous", "next_agent_status", "rules_enabled"}) {
                drop.execute("ALTER TABLE configuration DROP COLUMN " + column);
            }
        }
    }
}
