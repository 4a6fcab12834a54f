-- The PostgreSQL store's own history (one per database, or per schema), from the SQLite store's
-- schema as it stands at its version 2: the settings changed at run time live in the draft.

-- The running configuration as the admin wrote it, with the settings and rule toggles changed at run time.
CREATE TABLE configuration (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    draft TEXT    NOT NULL
);

-- What the engine knows of each agent (statuses, call phase and memory, awaited echoes, ...): the
-- same JSON document the SQLite store keeps.
CREATE TABLE agent_session (
    agent TEXT  PRIMARY KEY,
    data  JSONB NOT NULL
);

-- Commands decided but not yet answered by their vendor, oldest first.
CREATE TABLE outbox (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent      TEXT    NOT NULL,
    system     TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    origin     TEXT    NOT NULL,
    rule       TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
