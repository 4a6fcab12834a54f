package io.omnisync.application.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Which configuration file the running configuration was started from: the SHA-256 of the file's
 * bytes, as lowercase hex. A store records it with the configuration, so that a restart with the
 * very same bytes can resume on the stored configuration without reading the file again (SPEC 6: a
 * store that runs the same configuration resumes). A file that differs by one byte has another
 * fingerprint and is read, validated and compared as any other.
 */
public record ConfigurationFingerprint(String sha256) {

    public ConfigurationFingerprint {
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a configuration fingerprint is 64 lowercase hex digits, not " + sha256);
        }
    }

    public static ConfigurationFingerprint of(byte[] bytes) {
        return new ConfigurationFingerprint(HexFormat.of().formatHex(digest().digest(bytes)));
    }

    /** The fingerprint of everything {@code in} holds, read to its end (the caller closes it). */
    public static ConfigurationFingerprint of(InputStream in) {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigurationFingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "sha256:" + sha256;
    }
}
