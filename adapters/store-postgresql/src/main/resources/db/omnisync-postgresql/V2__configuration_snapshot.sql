-- The running configuration in a compact binary form (ConfigurationSnapshot), written in the same transaction as
-- its JSON: a restart reads it instead of decoding and validating the JSON again (a million agents: seconds, not
-- half a minute). started_from is the SHA-256 of the configuration file it was started from, so that a restart
-- with the same file resumes without reading the file. A store of an older schema has no row yet: its first start
-- reads the JSON once and writes it; one written by another Omnisync version is not read, and is rewritten.
CREATE TABLE configuration_snapshot (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    omnisync_version TEXT    NOT NULL,
    data             BYTEA   NOT NULL,
    started_from     TEXT
);
