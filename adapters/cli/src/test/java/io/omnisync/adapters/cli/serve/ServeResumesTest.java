package io.omnisync.adapters.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restart of {@code serve} on a store that runs the very bytes of its configuration file resumes on
 * the store's configuration without reading the file again (with a million agents, seconds instead of
 * half a minute); a file that differs by one byte is read, validated and compared as always.
 */
class ServeResumesTest {

    private static final String NOT_READ = "it was not read again";

    @TempDir
    Path folder;

    private String store;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void the_same_file_resumes_without_being_read_and_a_file_one_byte_off_is_read_and_compared(String kind)
            throws IOException, SQLException {
        store = kind.equals("sqlite")
                ? folder.resolve("omnisync.db").toString()
                : StandbyFailoverTest.SERVER + StandbyFailoverTest.freshDatabase("omnisync_serve_resumes");
        Path config = Files.writeString(
                folder.resolve("c.json"), ServeStartupTest.configuration().toPrettyString());

        List<String> fresh = serveAndStop(config);
        assertThat(String.join("\n", fresh)).contains("a new store").doesNotContain(NOT_READ);

        List<String> same = serveAndStop(config);
        assertThat(String.join("\n", same)).contains(NOT_READ, "resumed");

        Files.writeString(config, "\n", StandardOpenOption.APPEND);
        List<String> oneByteOff = serveAndStop(config);
        assertThat(String.join("\n", oneByteOff))
                .as("read, validated, found the same configuration: resumed")
                .contains("resumed")
                .doesNotContain(NOT_READ);

        List<String> again = serveAndStop(config);
        assertThat(String.join("\n", again))
                .as("the bytes read and found the same were recorded")
                .contains(NOT_READ, "resumed");
    }

    /** Serves {@code config} on the folder's store until it listens, stops it; its standard error. */
    private List<String> serveAndStop(Path config) {
        String secrets =
                ServeProcess.secretsFile(folder, "client", "client-secret").toString();
        try (ServeProcess serve = ServeProcess.start(
                folder, "--config", config.toString(), "--secrets", secrets, "--store", store, "--port", "0")) {
            int port = serve.awaitListening();
            assertThat(serve.get(port, "/readyz", null).statusCode()).isEqualTo(200);
            serve.terminate();
            assertThat(serve.awaitExit()).isZero();
            return serve.err();
        }
    }
}
