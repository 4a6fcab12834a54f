package io.omnisync.adapters.jdbc;

import io.omnisync.domain.session.AgentSession;

/**
 * An agent session as the JSON document every JDBC store keeps (SQLite here, PostgreSQL in its own
 * module), so that both write and read exactly the same thing, whatever a session learns to hold.
 */
public final class SessionDocuments {

    private SessionDocuments() {}

    public static String encode(AgentSession session) {
        return SessionCodec.encode(session);
    }

    /**
     * The session a document holds.
     *
     * @throws StoreException naming the agent when the document is not what Omnisync wrote
     */
    public static AgentSession decode(String agent, String document) {
        return SessionCodec.decode(agent, document);
    }
}
