package io.omnisync.adapters.configjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that is too big, endless, not UTF-8 or beyond the JSON reader's limits: a clear line
 * naming the file, the position where there is one, and no Java or Jackson names (issue 12).
 */
class BigAndStrangeInputTest {

    @TempDir
    Path temp;

    private static Seq<ReadError> errors(Path file) {
        return JsonConfigurationFile.readAll(file).getLeft();
    }

    private static void readsLikeAPerson(ReadError error) {
        assertThat(error.toString())
                .doesNotContain("Exception")
                .doesNotContain("StreamReadConstraints")
                .doesNotContain("`")
                .doesNotContain("()")
                .doesNotContain("jackson")
                .doesNotContain("java.");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_device_that_never_ends_stops_at_the_limit_with_a_message_naming_the_file_and_the_limit() {
        Seq<ReadError> errors = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> errors(Path.of("/dev/zero")));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.toString())
                    .isEqualTo("/dev/zero: larger than 512 MiB, the most a configuration may hold (a million agents"
                            + " take about 250 MB): is it the right file?");
            readsLikeAPerson(error);
        });
        assertThat(ConfigurationLoader.load(Path.of("/dev/zero"))).isInstanceOf(LoadedConfiguration.Unreadable.class);
    }

    @Test
    void a_file_larger_than_the_limit_is_refused_before_it_is_read() throws IOException {
        Path big = temp.resolve("big.json");
        try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
            sparse.setLength(InputText.LIMIT + 1);
        }

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> errors(big)))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.file()).isEqualTo(big.toString());
                    assertThat(error.message()).startsWith("larger than 512 MiB");
                });
    }

    @Test
    void the_limit_counts_bytes_of_utf8_not_characters_in_text_as_in_files() throws IOException {
        String fits = "{\"agents\": [{\"id\": \"" + "\u00e9".repeat(488) + "\"}]}"; // 1000 bytes, 512 characters
        String over = fits.replace("{\"agents", " {\"agents");
        Path file = temp.resolve("limit.json");
        Files.writeString(file, over, StandardCharsets.UTF_8);

        assertThat(fits.getBytes(StandardCharsets.UTF_8)).hasSize(1000);
        assertThat(JsonConfigurationFile.parseAll(fits, "stored configuration", 1000)
                        .isRight())
                .isTrue();
        assertThat(JsonConfigurationFile.parseAll(over, "stored configuration", 1000)
                        .getLeft())
                .singleElement()
                .hasToString("stored configuration: larger than 1000 bytes, the most a configuration may hold (a"
                        + " million agents take about 250 MB): is it the right file?");
        assertThat(JsonConfigurationFile.readAll(file, 1000).getLeft())
                .singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("larger than 1000 bytes"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_pipe_is_read_to_its_end_within_the_limit_even_after_a_malformed_start() throws Exception {
        Path fifo = temp.resolve("fifo.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                out.write("x".repeat(5_000).getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // the reader stopped reading: nothing to do
            }
        });
        writer.start();

        Seq<ReadError> errors = JsonConfigurationFile.readAll(fifo, 1000).getLeft();

        writer.join(10_000);
        assertThat(errors)
                .singleElement()
                .satisfies(error -> assertThat(error.message()).startsWith("larger than 1000 bytes"));
    }

    @Test
    void bytes_that_are_not_utf8_are_an_error_at_their_line_and_column() throws IOException {
        Path file = temp.resolve("latin1.json");
        byte[] before = "{\n  \"agents\": [\n    {\"id\": \"Jo".getBytes(StandardCharsets.UTF_8);
        byte[] after = "o\"}\n  ]\n}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[before.length + 1 + after.length];
        System.arraycopy(before, 0, bytes, 0, before.length);
        bytes[before.length] = (byte) 0xE3; // 'ã' in ISO-8859-1: not UTF-8
        System.arraycopy(after, 0, bytes, before.length + 1, after.length);
        Files.write(file, bytes);

        assertThat(errors(file)).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.column()).isEqualTo(15);
            assertThat(error.message()).startsWith("not UTF-8 text at line 3, column 15");
            readsLikeAPerson(error);
        });
    }

    @Test
    void errors_before_bytes_that_are_not_utf8_are_kept() throws IOException {
        Path file = temp.resolve("late.json");
        byte[] text = ("{\"talkdesk\": {\"statusess\": []},\n" + " ".repeat(100_000) + "\n\"agents\": [\"x")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(text, text.length + 2);
        bytes[text.length] = (byte) 0xFF;
        bytes[text.length + 1] = '"';
        Files.write(file, bytes);

        assertThat(errors(file))
                .extracting(ReadError::line, ReadError::column)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(1, 15), org.assertj.core.api.Assertions.tuple(3, 14));
    }

    @Test
    void a_byte_order_mark_is_read_over() throws IOException {
        Path file = temp.resolve("bom.json");
        Files.write(file, ("\uFEFF{\"agents\": [\n {\"id\": \"maria\"}]}").getBytes(StandardCharsets.UTF_8));

        var parsed = JsonConfigurationFile.readAll(file).get();

        assertThat(parsed.draft().agents().head().id()).isEqualTo("maria");
        assertThat(parsed.lines().lineOf("agents[0].id")).contains(2);
    }

    @Test
    void nesting_beyond_the_readers_limit_is_a_sentence_with_its_line_and_column() throws IOException {
        Path file = temp.resolve("deep.json");
        Files.writeString(file, "{\"agents\": [\n" + "[".repeat(5_000) + "]".repeat(5_000) + "]}");

        Seq<ReadError> errors = errors(file);

        assertThat(errors.map(ReadError::path)).containsExactly("agents[0]", "");
        assertThat(errors.last()).satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.column()).isPositive();
            assertThat(error.message())
                    .startsWith("too much for a configuration: lists and objects nested more than 1000 levels deep")
                    .endsWith("at line 2, column " + error.column());
            readsLikeAPerson(error);
        });
    }

    @Test
    void a_field_name_or_a_number_beyond_the_readers_limits_is_a_sentence_too() {
        ReadError name = JsonConfigurationFile.parse("{\"" + "k".repeat(60_000) + "\": 1}", "long.json")
                .getLeft();
        ReadError number = JsonConfigurationFile.parse(
                        "{\"omniChannel\": {\"presenceConfigurations\": [{\"capacity\": " + "9".repeat(2_000) + "}]}}",
                        "long.json")
                .getLeft();

        assertThat(name.message())
                .startsWith("too much for a configuration: a field name longer than 50000 characters");
        assertThat(number.message()).startsWith("too much for a configuration: a number longer than 1000 digits");
        readsLikeAPerson(name);
        readsLikeAPerson(number);
    }

    @Test
    void a_control_character_between_tokens_is_named_by_its_code_point() {
        ReadError error = JsonConfigurationFile.parse("{\"agents\":\u0001[]}", "control.json")
                .getLeft();

        assertThat(error.message()).contains("U+0001").doesNotContain("CTRL-CHAR");
        readsLikeAPerson(error);
    }

    @Test
    void a_missing_file_a_folder_and_a_file_that_may_not_be_read_say_so_in_words() throws IOException {
        Path locked = temp.resolve("locked.json");
        Files.writeString(locked, "{}");
        boolean lockable = locked.toFile().setReadable(false) && !Files.isReadable(locked);

        assertThat(errors(temp.resolve("nowhere.json")))
                .singleElement()
                .hasToString(temp.resolve("nowhere.json") + ": cannot read the file: no such file");
        assertThat(errors(temp)).singleElement().hasToString(temp + ": cannot read the file: it is a folder");
        if (lockable) {
            assertThat(errors(locked))
                    .singleElement()
                    .hasToString(locked + ": cannot read the file: permission denied");
        }
    }

    @Test
    void nothing_strange_makes_the_reader_throw() {
        for (String text :
                new String[] {"\u0000", "\uD800", "{\"agents\": \"\uDFFF\"}", "{\"a\":\u2028}", "]", "\"\\u"}) {
            assertThatCode(() -> ConfigurationLoader.load(text, "strange.json"))
                    .as(text)
                    .doesNotThrowAnyException();
        }
    }
}
