package io.omnisync.adapters.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A secret of SPEC 10, used as its UTF-8 bytes and compared in constant time. It prints as its name only, so no log
 * line, error message or {@code toString} can show it.
 */
public final class Secret {

    private final String name;
    private final byte[] value;

    private Secret(String name, byte[] value) {
        this.name = name;
        this.value = value;
    }

    public static Secret of(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return new Secret(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The secret's name ({@code adminToken}), never its value. */
    public String name() {
        return name;
    }

    /** How many bytes it has (SPEC 10 asks at least 32 of some). */
    public int length() {
        return value.length;
    }

    /**
     * Whether {@code candidate} is this secret, in time that depends on neither's content nor length: both are hashed
     * first and the digests compared with {@link MessageDigest#isEqual}.
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(value), sha256(candidate.getBytes(StandardCharsets.UTF_8)));
    }

    /** The value, for the one place that must hand it on (an HMAC key, Talkdesk's client credentials). */
    public byte[] bytes() {
        return value.clone();
    }

    /** The value as text, for a client that takes it so (Talkdesk's credentials). */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name + "=<redacted>";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
