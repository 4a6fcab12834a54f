package io.omnisync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One bridge, shipped three ways: as source, as the Salesforce static resource, and in the jar. */
class ShippedBridgeTest {
    private static final Path SOURCE = Path.of("bridge", "omnisync-bridge.js");
    private static final Path STATIC_RESOURCE =
            Path.of("force-app", "main", "default", "staticresources", "OmnisyncBridge.js");

    @Test
    void staticResourceIsTheBridgeByteForByte() throws IOException {
        assertThat(Files.readAllBytes(STATIC_RESOURCE))
                .as("%s must be a copy of %s: cp %s %s", STATIC_RESOURCE, SOURCE, SOURCE, STATIC_RESOURCE)
                .isEqualTo(Files.readAllBytes(SOURCE));
    }

    @Test
    void jarCarriesTheBridgeForTheServiceToServe() throws IOException {
        try (InputStream packaged =
                getClass().getClassLoader().getResourceAsStream("omnisync/console/omnisync-bridge.js")) {
            assertThat(packaged)
                    .as("omnisync/console/omnisync-bridge.js on the classpath")
                    .isNotNull();
            assertThat(packaged.readAllBytes()).isEqualTo(Files.readAllBytes(SOURCE));
        }
    }
}
