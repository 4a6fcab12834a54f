package io.omnisync.adapters.service.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SPEC 10.1's signature of a webhook: the header {@code Omnisync-Signature: t=<unix seconds>,v1=<hex>}, where {@code
 * <hex>} is the lowercase hex HMAC-SHA256, keyed with the webhook secret, of {@code <t>.<raw body>}. Pairs in any
 * order; several {@code v1} may be given (a secret being rotated) and one matching is enough; {@code t} must be within
 * 300 s of the service's clock, so a captured request cannot be replayed later. Signatures are compared in constant
 * time.
 */
public final class WebhookSignature {

    public static final String HEADER = "Omnisync-Signature";

    /** SPEC 10.1: {@code t} at most this far before or after the service's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final HexFormat HEX = HexFormat.of();

    private final Secret secret;
    private final Clock clock;

    public WebhookSignature(Secret secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /** Why {@code header} does not sign {@code body}, or empty when it does. The reason never quotes a signature. */
    public Optional<String> refusal(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Optional.of("the " + HEADER + " header is missing");
        }
        Long timestamp = null;
        String signedTime = null;
        List<byte[]> candidates = new ArrayList<>();
        for (String pair : header.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return Optional.of("the " + HEADER + " header is not k=v pairs separated by commas");
            }
            String key = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("\\d{1,12}")) {
                    return Optional.of("the " + HEADER + " header needs one t=<unix seconds>");
                }
                timestamp = Long.parseLong(value);
                signedTime = value; // signed as the sender wrote it (SPEC 10.1: the bytes of <t>), leading zeros too
            } else if (key.equals("v1")) {
                candidates.add(value.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (timestamp == null) {
            return Optional.of("the " + HEADER + " header has no t=<unix seconds>");
        }
        if (candidates.isEmpty()) {
            return Optional.of("the " + HEADER + " header has no v1 signature");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > TOLERANCE.toSeconds()) {
            return Optional.of("the signature's time t=" + timestamp + " is more than " + TOLERANCE.toSeconds()
                    + " s from the service's clock (" + now + ")");
        }
        byte[] expected = sign(secret.bytes(), signedTime, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (byte[] candidate : candidates) {
            matched |= MessageDigest.isEqual(expected, candidate);
        }
        return matched ? Optional.empty() : Optional.of("no v1 signature matches the body");
    }

    /** The header a sender puts on {@code body} at {@code unixSeconds} (tests, load tools, the README's example). */
    public static String header(byte[] key, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + sign(key, unixSeconds, body);
    }

    /** The lowercase hex HMAC-SHA256 of {@code <t>.<body>}. */
    public static String sign(byte[] key, long unixSeconds, byte[] body) {
        return sign(key, Long.toString(unixSeconds), body);
    }

    private static String sign(byte[] key, String time, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((time + ".").getBytes(StandardCharsets.US_ASCII));
            return HEX.formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every Java", e);
        }
    }
}
