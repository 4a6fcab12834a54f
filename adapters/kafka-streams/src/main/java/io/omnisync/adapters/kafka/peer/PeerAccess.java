package io.omnisync.adapters.kafka.peer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the instances of one deployment ask each other for the sessions they own (SPEC 13: queries are answered by the
 * instance that owns the agent): the host the others reach this instance at, the port its peer endpoint listens on
 * ({@code 0}: any free one, announced through Kafka Streams' {@code application.server}), and the deployment's admin
 * token, from which the credential every peer request carries is derived ({@link #credential()}): the admin token
 * itself never travels between instances, and a peer credential that leaks opens the peer endpoint only (reading
 * sessions), not the admin API.
 *
 * @param advertisedHost the name or address of this instance as the others reach it
 * @param port the port to listen on for peers; 0 picks a free one
 * @param adminToken the deployment's admin token (SPEC 10.3), shared by its instances
 */
public record PeerAccess(String advertisedHost, int port, String adminToken) {

    private static final String PURPOSE = "omnisync-peer-queries-v1";

    public PeerAccess {
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(adminToken, "adminToken");
        if (!isHostName(advertisedHost)) {
            throw new IllegalArgumentException(
                    "a host name or IPv4 address without a port, as a URL names a host: '" + advertisedHost + "'");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port from 0 to 65535: " + port);
        }
        if (adminToken.isEmpty()) {
            throw new IllegalArgumentException("peer queries need the deployment's admin token");
        }
    }

    private static boolean isHostName(String host) {
        if (host.isBlank() || host.contains(":")) {
            return false;
        }
        try {
            return host.equals(new URI("http", null, host, 80, "/", null, null).getHost());
        } catch (URISyntaxException notAHost) {
            return false;
        }
    }

    /** The bearer credential of peer requests: HMAC-SHA256 of a fixed purpose under the admin token, in hex. */
    public String credential() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(adminToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(PURPOSE.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("this JVM has no HmacSHA256", missing);
        }
    }

    /** Never the token: this record may be logged. */
    @Override
    public String toString() {
        return "PeerAccess[" + advertisedHost + ":" + port + "]";
    }
}
