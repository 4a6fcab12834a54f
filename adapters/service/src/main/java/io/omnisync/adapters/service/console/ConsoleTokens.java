package io.omnisync.adapters.service.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.adapters.service.security.Secret;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * The console's tokens (SPEC 10.2): a JWT signed HS256 with the {@code consoleSecret}, its {@code aud} {@code
 * "omnisync-console"} (a string, or an array holding it), its {@code exp} in Unix seconds at most 1 h ahead, with 30 s
 * of clock leeway both ways, and its {@code sub} the agent's Salesforce user Id. Any other algorithm ({@code none},
 * HS384, RS256 with the secret as a "public key"...), a bad signature, an expired, too long-lived or not yet valid
 * token, or another audience is refused 401; which agent the subject is, is the caller's question (403).
 *
 * <p>Parsing, the header and the MAC are nimbus-jose-jwt's (the MAC is compared in constant time); the claims are
 * checked here against the service's clock, so that tests can move it.
 */
public final class ConsoleTokens {

    /** SPEC 10.2. */
    public static final String AUDIENCE = "omnisync-console";

    public static final Duration LONGEST_LIFE = Duration.ofHours(1);
    public static final Duration LEEWAY = Duration.ofSeconds(30);

    /** What a valid token says: who (the Salesforce user Id as written) and until when. */
    public record Verified(String subject, Instant expiresAt) {
        public Verified {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    private final MACVerifier verifier;
    private final Clock clock;

    public ConsoleTokens(Secret consoleSecret, Clock clock) {
        try {
            this.verifier = new MACVerifier(consoleSecret.bytes());
        } catch (JOSEException tooShort) {
            throw new IllegalArgumentException(
                    consoleSecret.name() + " must be at least 32 bytes to sign HS256 tokens", tooShort);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The token's subject and expiry.
     *
     * @param token the compact JWT, as the {@code Authorization: Bearer} header carried it
     * @throws ApiError 401 saying what is wrong with it (never quoting it)
     */
    public Verified verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException notAJws) {
            throw refused("the token is not a signed JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw refused(
                    "the token must be signed HS256, not " + jwt.getHeader().getAlgorithm());
        }
        try {
            if (!jwt.verify(verifier)) {
                throw refused("the token's signature does not match the console secret");
            }
        } catch (JOSEException | IllegalStateException unverifiable) {
            throw refused("the token's signature cannot be checked");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException badClaims) {
            throw refused("the token's claims are not a JSON object of JWT claims");
        }
        return new Verified(subject(claims), expiry(claims));
    }

    private static String subject(JWTClaimsSet claims) {
        audience(claims);
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw refused("the token has no 'sub' (the agent's Salesforce user Id)");
        }
        return subject;
    }

    private static void audience(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (!audience.contains(AUDIENCE)) {
            throw refused("the token's 'aud' must be \"" + AUDIENCE + "\" (or an array holding it)");
        }
    }

    private Instant expiry(JWTClaimsSet claims) {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw refused("the token has no 'exp'");
        }
        Instant now = clock.instant();
        Instant expiresAt = exp.toInstant();
        if (!expiresAt.plus(LEEWAY).isAfter(now)) {
            throw refused("the token expired at " + expiresAt);
        }
        if (expiresAt.isAfter(now.plus(LONGEST_LIFE).plus(LEEWAY))) {
            throw refused("the token lives too long: 'exp' may be at most " + LONGEST_LIFE.toMinutes()
                    + " minutes ahead, it is "
                    + Duration.between(now, expiresAt).toMinutes() + " minutes ahead");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(LEEWAY))) {
            throw refused("the token is not valid before " + nbf.toInstant());
        }
        return expiresAt;
    }

    private static ApiError refused(String why) {
        return ApiError.unauthorized(why);
    }
}
