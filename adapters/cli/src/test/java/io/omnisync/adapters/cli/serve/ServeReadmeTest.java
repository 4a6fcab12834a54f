package io.omnisync.adapters.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Running the service" as a reader follows it, in a folder with the repository's {@code examples/}: the
 * secrets file copied and made private with the README's own line, {@code serve} started with the README's arguments
 * (on a free port rather than 8080), then the README's webhook snippet run by bash, signature by openssl and all,
 * and its audit snippet. The webhook is accepted and the audit trail shows it.
 */
class ServeReadmeTest {

    private static final Path README = Path.of("../../README.md");
    private static final Path EXAMPLES = Path.of("../../examples");

    @TempDir
    Path folder;

    @Test
    void the_readmes_start_and_signed_webhook_work_as_written() throws Exception {
        List<String> snippets = bashSnippets(section(Files.readString(README)));
        assertThat(snippets).hasSize(3);
        copyExamples();

        String[] start = snippets.get(0).split("\n");
        assertThat(run(start[0])).isEmpty();
        assertThat(Files.getPosixFilePermissions(folder.resolve("secrets.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        List<String> arguments = serveArguments(start[1]);
        try (ServeProcess serve = ServeProcess.start(folder, arguments.toArray(String[]::new))) {
            int port = serve.awaitListening();
            assertThat(serve.out()).containsExactly("{\"kind\":\"listening\",\"port\":" + port + "}");

            String accepted = run(snippets.get(1).replace("localhost:8080", "localhost:" + port));
            assertThat(accepted).isEqualTo("{\"status\":\"accepted\"}");

            JsonNode audit = ServeProcess.json(run(snippets.get(2).replace("localhost:8080", "localhost:" + port)));
            assertThat(audit.path("facts").findValuesAsText("message"))
                    .anySatisfy(message -> assertThat(message).contains("lunch"));

            serve.terminate();
            assertThat(serve.awaitExit()).isZero();
        }
    }

    /** The README's section on serve, up to the next section. */
    private static String section(String readme) {
        int start = readme.indexOf("## Running the service: `./omnisync serve`");
        assertThat(start).as("the README's serve section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> bashSnippets(String section) {
        Matcher blocks = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(section);
        List<String> snippets = new ArrayList<>();
        while (blocks.find()) {
            snippets.add(blocks.group(1));
        }
        return snippets;
    }

    /** {@code ./omnisync serve --config ... --port 8080}: its arguments after serve, on a free port instead. */
    private static List<String> serveArguments(String line) {
        String command = line.replaceAll("\\s+#.*$", "").trim();
        assertThat(command).startsWith("./omnisync serve ");
        List<String> arguments = new ArrayList<>(Arrays.asList(
                command.substring("./omnisync serve ".length()).trim().split("\\s+")));
        int port = arguments.indexOf("--port");
        assertThat(port).as("the README gives a port").isNotNegative();
        arguments.set(port + 1, "0");
        return arguments;
    }

    private void copyExamples() throws IOException {
        Path examples = Files.createDirectories(folder.resolve("examples"));
        try (var files = Files.list(EXAMPLES)) {
            for (Path file : files.toList()) {
                Files.copy(file, examples.resolve(file.getFileName().toString()));
            }
        }
    }

    /** Runs {@code script} with bash in the folder; its standard output, trimmed. */
    private String run(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(folder.toFile())
                .redirectErrorStream(false)
                .start();
        bash.getOutputStream().close();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("bash -c %s%nstderr: %s", script, err).isZero();
        return out.trim();
    }
}
