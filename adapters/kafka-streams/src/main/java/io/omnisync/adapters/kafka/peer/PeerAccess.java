package io.omnisync.adapters.kafka.peer;

import java.util.Objects;

/**
 * How the instances of one deployment ask each other for the sessions they own (SPEC 13: queries are answered by the
 * instance that owns the agent): the host the others reach this instance at, the port its peer endpoint listens on
 * ({@code 0}: any free one, announced through Kafka Streams' {@code application.server}), and the secret every peer
 * request carries (the deployment's admin token: whoever may read the admin API may read what it forwards).
 *
 * @param advertisedHost the name or address of this instance as the others reach it
 * @param port the port to listen on for peers; 0 picks a free one
 * @param token the bearer token a peer request must carry
 */
public record PeerAccess(String advertisedHost, int port, String token) {

    public PeerAccess {
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(token, "token");
        if (advertisedHost.isBlank() || advertisedHost.contains(":")) {
            throw new IllegalArgumentException("a host name or IPv4 address without a port: '" + advertisedHost + "'");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port from 0 to 65535: " + port);
        }
        if (token.isEmpty()) {
            throw new IllegalArgumentException("peer requests need a token");
        }
    }
}
