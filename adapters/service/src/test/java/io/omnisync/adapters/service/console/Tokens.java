package io.omnisync.adapters.service.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.omnisync.adapters.service.RunningService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Console tokens as the Apex class mints them (SPEC 12), and every way one can be wrong. */
final class Tokens {

    /** maria's salesforceUserId in the test configuration, and joao's. */
    static final String MARIA = "0055e000001MariaAAA";

    static final String JOAO = "0055e000001JoaoAAAA";

    private Tokens() {}

    /** A valid token for {@code subject}, signed with the service's console secret, {@code exp} as given. */
    static String valid(String subject, Instant expiresAt) {
        return sign(JWSAlgorithm.HS256, RunningService.CONSOLE_SECRET, subject, "omnisync-console", expiresAt);
    }

    static String sign(JWSAlgorithm algorithm, String secret, String subject, Object audience, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject);
        if (audience instanceof String one) {
            claims.audience(one);
        } else if (audience instanceof List<?> many) {
            claims.audience(many.stream().map(String::valueOf).toList());
        }
        if (expiresAt != null) {
            claims.expirationTime(Date.from(expiresAt));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** An unsigned token ({@code "alg": "none"}), as an attacker would send it. */
    static String unsigned(String subject, Instant expiresAt) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(("{\"sub\":\"" + subject + "\",\"aud\":\"omnisync-console\",\"exp\":"
                        + expiresAt.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}
