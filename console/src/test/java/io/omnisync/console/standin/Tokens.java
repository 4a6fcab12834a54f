package io.omnisync.console.standin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent's console tokens, minted as the Apex class OmnisyncConsoleToken mints them (SPEC 10.2 and 12): a JWT signed
 * HS256 with the console secret, {@code sub} the agent's Salesforce user Id, {@code aud} "omnisync-console", {@code
 * exp} in Unix seconds, here with a {@code jti} so that two tokens minted in the same second differ. The test console's
 * token endpoint hands them out; the real service checks them, the stand-in of the service checks that it issued them.
 */
public final class Tokens {

    /** The console secret both sides share in the browser tests (at least 32 bytes, as the service asks). */
    public static final String CONSOLE_SECRET = "console-secret-for-the-browser-tests-0123456789";

    /** The test agent's Salesforce user Id (18 characters, as UserInfo.getUserId() returns it). */
    public static final String AGENT = "005xx000001Mar1AAA";

    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private final Clock clock;
    private final String subject;
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    /** Tokens for the test agent, on the real clock. */
    public Tokens() {
        this(Clock.systemUTC(), AGENT);
    }

    /** Tokens for {@code subject}, their {@code exp} 30 minutes after {@code clock}'s now. */
    public Tokens(Clock clock, String subject) {
        this.clock = clock;
        this.subject = subject;
    }

    public String mint() {
        String token = sign(subject, clock.instant().plus(LIFETIME));
        issued.add(token);
        return token;
    }

    /** A token for {@code subject} that expires at {@code expiresAt}, signed with the console secret. */
    public static String sign(String subject, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .audience("omnisync-console")
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new MACSigner(CONSOLE_SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("the test secret signs HS256", e);
        }
        return jwt.serialize();
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
