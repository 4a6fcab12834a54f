package io.omnisync.console.standin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tokens of the test console: minted by the page's token endpoint (standing in for the Apex method
 * OmnisyncConsoleToken.mintToken), checked by the stand-in of Omnisync. Opaque strings here; the real
 * service checks signed JWTs.
 */
public final class Tokens {
    private final SecureRandom random = new SecureRandom();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    public String mint() {
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        String token = "standin-" + (issued.size() + 1) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        issued.add(token);
        return token;
    }

    public boolean accepts(String token) {
        return issued.contains(token) && !revoked.contains(token);
    }

    /** Every token minted so far is refused from now on (as if they had all expired). */
    public void revokeAll() {
        revoked.addAll(issued);
    }

    public List<String> issued() {
        return List.copyOf(issued);
    }
}
