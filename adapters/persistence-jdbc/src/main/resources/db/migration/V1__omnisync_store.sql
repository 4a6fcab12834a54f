-- The running configuration as the admin wrote it, with the settings changed at run time.
CREATE TABLE configuration (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    draft              TEXT    NOT NULL,
    omni_channel_sync  INTEGER NOT NULL,
    return_to_previous INTEGER NOT NULL,
    next_agent_status  INTEGER NOT NULL,
    rules_enabled      TEXT    NOT NULL
);

-- What the engine knows of each agent (statuses, call phase and memory, awaited echoes, ...).
CREATE TABLE agent_session (
    agent TEXT PRIMARY KEY,
    data  TEXT NOT NULL
);

-- Commands decided but not yet answered by their vendor, oldest first.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    agent      TEXT    NOT NULL,
    system     TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    origin     TEXT    NOT NULL,
    rule       TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
