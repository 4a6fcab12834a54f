package io.omnisync.adapters.composition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void the_readme_example_runs_and_sends_what_the_mapping_says() {
        assertThat(EmbeddingExample.run(Path.of("../../examples/contact-center.json")))
                .containsExactly(
                        "PATCH salesforce /UserServicePresence/0055e000001JoaoAAAA Away_from_Desk",
                        "PATCH salesforce /UserServicePresence/0055e000001JoaoAAAA Lunch_Break",
                        "PUT talkdesk /users/td-1001/status chat_only");
    }

    @Test
    void the_readme_shows_the_example_as_it_is_compiled() throws IOException {
        String source =
                Files.readString(Path.of("src/test/java/io/omnisync/adapters/composition/EmbeddingExample.java"));
        String example = source.substring(
                        source.indexOf("// README:BEGIN") + "// README:BEGIN".length(), source.indexOf("// README:END"))
                .strip();
        String readme = Files.readString(Path.of("../../README.md"));

        assertThat(readme).contains(example);
    }
}
