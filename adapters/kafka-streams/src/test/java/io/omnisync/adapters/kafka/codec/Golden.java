package io.omnisync.adapters.kafka.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Values as an earlier release wrote them, kept under {@code src/test/resources/codec/v<N>/}: every later
 * release must still read them (a rolling upgrade reads what the previous release wrote, and the changelog
 * and topics keep old values for as long as they are retained). Never edit a file of a released version.
 */
final class Golden {

    private Golden() {}

    static String text(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream("/codec/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource codec/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<byte[]> lines(String resource) {
        return text(resource)
                .lines()
                .map(line -> line.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
