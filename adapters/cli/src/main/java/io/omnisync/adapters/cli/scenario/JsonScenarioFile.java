package io.omnisync.adapters.cli.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.omnisync.adapters.configjson.LineIndex;
import io.omnisync.adapters.configjson.Messages;
import io.omnisync.adapters.configjson.ReadError;
import io.omnisync.domain.event.OmniReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scenario files (SPEC sections 7 and 9): JSON Lines in UTF-8, one event a line; blank lines are
 * skipped. Reading stops at the first bad line (not UTF-8, too long, malformed JSON, unknown type,
 * a missing, ill-typed or unknown field), with the line and column; the steps before it come with
 * the error. Whether the agents exist is the caller's business: it has the configuration.
 * <p>Scenario files are an input of the command line only ({@code simulate}, {@code demo}), so they
 * are read here; lines and columns come from the JSON adapter's {@link LineIndex}, and errors are
 * its {@link ReadError}s, as for the configuration file.
 */
public final class JsonScenarioFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The steps of a file, and the error that stopped the reading, if one did. */
    public record Scenario(String file, List<ScenarioStep> steps, Optional<ReadError> error) {

        public Scenario {
            steps = List.copyOf(steps);
        }
    }

    private static final String TYPE = "type";
    private static final String ID = "id";
    private static final String AT = "at";

    /** The fields each type takes, beyond the common {@code type}, {@code id} and {@code at}. */
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("talkdesk.status", Set.of("agent", "status")),
            Map.entry("talkdesk.call.offered", Set.of("agent")),
            Map.entry("talkdesk.call.started", Set.of("agent")),
            Map.entry("talkdesk.call.ended", Set.of("agent")),
            Map.entry("talkdesk.wrapup.ended", Set.of("agent", "nextStatus")),
            Map.entry("omni.status", Set.of("agent", "status", "reason")),
            Map.entry("omni.work.declined", Set.of("agent")),
            Map.entry("omni.push.timeout", Set.of("agent")),
            Map.entry("omni.workload", Set.of("agent", "workload")),
            Map.entry("omni.work.accepted", Set.of("agent", "channel")),
            Map.entry("talkdesk.status.deleted", Set.of("status")),
            Map.entry("omni.status.deleted", Set.of("status")),
            Map.entry("admin.sync", Set.of("enabled", "force")),
            Map.entry("admin.returnToPrevious", Set.of("enabled")),
            Map.entry("admin.nextAgentStatus", Set.of("enabled")),
            Map.entry("admin.rule", Set.of("name", "enabled")));

    private JsonScenarioFile() {}

    /** The largest scenario file read: its steps are all checked before the first is applied, so they are all held. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    /** The longest line: one event is a few hundred bytes; a longer line is not a scenario line. */
    public static final int MAX_LINE_BYTES = 1024 * 1024;

    /**
     * Reads a scenario file, at most {@link #MAX_FILE_BYTES} and lines of at most {@link
     * #MAX_LINE_BYTES}, in UTF-8; a file that cannot be read, or is too large, is an error at line
     * 0 and no step. The file is read as it streams (a pipe or a device works too), one line at a
     * time, so a file with no line ends (such as {@code /dev/zero}) stops at the first line's limit.
     */
    public static Scenario read(Path file) {
        String name = file.toString();
        Lines lines = new Lines(name);
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
                return lines.wholeFile(tooLarge());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return readLines(in, lines);
            }
        } catch (IOException e) {
            return lines.wholeFile("cannot read the file (" + IoWords.of(e) + ")");
        }
    }

    private static Scenario readLines(InputStream in, Lines lines) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long total = 0;
        int number = 1;
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            total += read;
            if (total > MAX_FILE_BYTES) {
                return lines.wholeFile(tooLarge());
            }
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (chunk[i] == '\n') {
                    line.write(chunk, start, i - start);
                    start = i + 1;
                    if (!lines.accept(line, number++)) {
                        return lines.scenario();
                    }
                    line.reset();
                }
            }
            line.write(chunk, start, read - start);
            if (line.size() > MAX_LINE_BYTES) {
                return lines.stop(
                        number,
                        "the line is longer than " + MAX_LINE_BYTES / 1024
                                + " KiB, and a scenario line is one event: is this a scenario file (JSON Lines)?");
            }
        }
        if (line.size() > 0) {
            lines.accept(line, number);
        }
        return lines.scenario();
    }

    private static String tooLarge() {
        return "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                + " MiB, the most a scenario file may be; split the day into several files";
    }

    /** Reads scenario text; {@code fileName} is what errors call it. */
    public static Scenario parse(String text, String fileName) {
        Lines lines = new Lines(fileName);
        Iterator<String> each =
                Messages.withoutByteOrderMark(text == null ? "" : text).lines().iterator();
        int number = 0;
        while (each.hasNext()) {
            if (!lines.accept(each.next(), ++number)) {
                break;
            }
        }
        return lines.scenario();
    }

    /** The steps read so far, and the error that stopped the reading. */
    private static final class Lines {
        private final String file;
        private final List<ScenarioStep> steps = new ArrayList<>();
        private Optional<ReadError> error = Optional.empty();

        Lines(String file) {
            this.file = file;
        }

        /** A line as bytes: UTF-8 (a byte order mark allowed on line 1), {@code \r\n} or {@code \n}. */
        boolean accept(ByteArrayOutputStream bytes, int number) {
            byte[] raw = bytes.toByteArray();
            int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
            CharsetDecoder utf8 = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(raw, 0, length);
            CharBuffer out = CharBuffer.allocate(length + 1);
            CoderResult result = utf8.decode(in, out, true);
            if (result.isError()) {
                return stop(
                        number,
                        in.position() + 1,
                        "not UTF-8 text: byte " + (in.position() + 1) + " of the line (0x"
                                + String.format("%02X", raw[in.position()] & 0xFF)
                                + ") starts no UTF-8 character; save the file as UTF-8");
            }
            utf8.flush(out);
            out.flip();
            String text = out.toString();
            return accept(number == 1 ? Messages.withoutByteOrderMark(text) : text, number);
        }

        boolean accept(String line, int number) {
            if (line.isBlank()) {
                return true;
            }
            try {
                steps.add(step(line, number));
                return true;
            } catch (BadLine bad) {
                error = Optional.of(new ReadError(file, number, bad.column, bad.field, bad.getMessage()));
                return false;
            }
        }

        boolean stop(int number, int column, String message) {
            error = Optional.of(new ReadError(file, number, column, "", message));
            return false;
        }

        Scenario stop(int number, String message) {
            stop(number, 0, message);
            return scenario();
        }

        Scenario wholeFile(String message) {
            steps.clear();
            error = Optional.of(new ReadError(file, 0, 0, "", message));
            return scenario();
        }

        Scenario scenario() {
            return new Scenario(file, steps, error);
        }
    }

    static ScenarioStep step(String text, int line) throws BadLine {
        LineIndex columns = LineIndex.scan(text)
                .getOrElseThrow(malformed -> new BadLine(malformed.message(), malformed.path(), malformed.column()));
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            int column =
                    e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            throw new BadLine("malformed JSON: " + Messages.clean(e.getOriginalMessage()), "", column);
        }
        Line fields = new Line(node, columns);
        if (node == null || !node.isObject()) {
            throw new BadLine(
                    "a scenario line is one JSON object, such as "
                            + "{\"type\":\"talkdesk.call.started\",\"agent\":\"maria\"}",
                    "",
                    1);
        }
        String type = fields.text(TYPE, "any line");
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw new BadLine(
                    "unknown type '" + type + "'; one of " + String.join(", ", new TreeSet<>(FIELDS.keySet())),
                    TYPE,
                    fields.column(TYPE));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(TYPE) && !name.equals(ID) && !name.equals(AT) && !allowed.contains(name)) {
                Set<String> known = new TreeSet<>(allowed);
                known.addAll(Set.of(TYPE, ID, AT));
                throw new BadLine(
                        "unknown field '" + name + "' for " + type + " (known: " + String.join(", ", known) + ")",
                        name,
                        fields.column(name));
            }
        }
        Optional<String> id = fields.optionalText(ID, type);
        Optional<Instant> at = fields.instant(type);
        return switch (type) {
            case "talkdesk.status" ->
                new ScenarioStep.TalkdeskStatusPicked(
                        line, id, at, fields.text("agent", type), fields.text("status", type));
            case "talkdesk.call.offered" -> new ScenarioStep.CallOffered(line, id, at, fields.text("agent", type));
            case "talkdesk.call.started" -> new ScenarioStep.CallStarted(line, id, at, fields.text("agent", type));
            case "talkdesk.call.ended" -> new ScenarioStep.CallEnded(line, id, at, fields.text("agent", type));
            case "talkdesk.wrapup.ended" ->
                new ScenarioStep.WrapUpEnded(
                        line, id, at, fields.text("agent", type), fields.optionalText("nextStatus", type));
            case "omni.status" ->
                new ScenarioStep.OmniStatusPicked(
                        line, id, at, fields.text("agent", type), fields.text("status", type), fields.reason(type));
            case "omni.work.declined" -> new ScenarioStep.OmniWorkDeclined(line, id, at, fields.text("agent", type));
            case "omni.push.timeout" -> new ScenarioStep.OmniPushTimedOut(line, id, at, fields.text("agent", type));
            case "omni.workload" ->
                new ScenarioStep.OmniWorkloadChanged(
                        line, id, at, fields.text("agent", type), fields.units("workload", type));
            case "omni.work.accepted" ->
                new ScenarioStep.OmniWorkAccepted(
                        line, id, at, fields.text("agent", type), fields.text("channel", type));
            case "talkdesk.status.deleted" ->
                new ScenarioStep.StatusDeletedAtVendor(
                        line, id, at, ScenarioStep.Vendor.TALKDESK, fields.text("status", type));
            case "omni.status.deleted" ->
                new ScenarioStep.StatusDeletedAtVendor(
                        line, id, at, ScenarioStep.Vendor.OMNI, fields.text("status", type));
            case "admin.sync" ->
                new ScenarioStep.SyncToggled(
                        line,
                        id,
                        at,
                        fields.bool("enabled", type),
                        fields.optionalBool("force", type).orElse(false));
            case "admin.returnToPrevious" ->
                new ScenarioStep.ReturnToPreviousToggled(line, id, at, fields.bool("enabled", type));
            case "admin.nextAgentStatus" ->
                new ScenarioStep.NextAgentStatusToggled(line, id, at, fields.bool("enabled", type));
            case "admin.rule" ->
                new ScenarioStep.RuleToggled(line, id, at, fields.text("name", type), fields.bool("enabled", type));
            default -> throw new IllegalStateException("a known type without a step: " + type);
        };
    }

    /** The fields of one line, with their columns for the errors. */
    private record Line(JsonNode node, LineIndex index) {

        int column(String field) {
            return index.at(field).map(LineIndex.Entry::column).orElse(0);
        }

        private String found(String field) {
            return index.at(field).map(LineIndex.Entry::found).orElse("nothing");
        }

        String text(String field, String type) throws BadLine {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new BadLine("missing field '" + field + "' for " + type, field, 0);
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new BadLine(
                        "wrong type for '" + field + "': expected non-empty text, found " + found(field),
                        field,
                        column(field));
            }
            return value.asText();
        }

        Optional<String> optionalText(String field, String type) throws BadLine {
            return node.has(field) && !node.get(field).isNull() ? Optional.of(text(field, type)) : Optional.empty();
        }

        boolean bool(String field, String type) throws BadLine {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new BadLine("missing field '" + field + "' for " + type, field, 0);
            }
            if (!value.isBoolean()) {
                throw new BadLine(
                        "wrong type for '" + field + "': expected true or false, found " + found(field),
                        field,
                        column(field));
            }
            return value.booleanValue();
        }

        Optional<Boolean> optionalBool(String field, String type) throws BadLine {
            return node.has(field) && !node.get(field).isNull() ? Optional.of(bool(field, type)) : Optional.empty();
        }

        /** Units of work in use: a whole number, zero or more. */
        int units(String field, String type) throws BadLine {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new BadLine("missing field '" + field + "' for " + type, field, 0);
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
                throw new BadLine(
                        "wrong value for '" + field + "': expected a whole number of units, 0 or more, found "
                                + found(field),
                        field,
                        column(field));
            }
            return value.intValue();
        }

        /** The Omni-Channel toolkit's reason (SPEC 4.10): one it reports, or none (the agent's own pick). */
        Optional<OmniReason> reason(String type) throws BadLine {
            Optional<String> reason = optionalText("reason", type);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            Optional<OmniReason> known = OmniReason.parse(reason.get()).toJavaOptional();
            if (known.isEmpty()) {
                throw new BadLine(
                        "wrong value for 'reason': expected one of "
                                + OmniReason.wireNames().mkString(", ") + ", found " + found("reason"),
                        "reason",
                        column("reason"));
            }
            return known;
        }

        Optional<Instant> instant(String type) throws BadLine {
            Optional<String> at = optionalText(AT, type);
            try {
                return at.map(Instant::parse);
            } catch (DateTimeParseException e) {
                throw new BadLine(
                        "wrong value for 'at': expected an ISO-8601 instant such as 2026-01-06T09:00:00Z, " + "found "
                                + found(AT),
                        AT,
                        column(AT));
            }
        }
    }

    /** Why a line is bad: a sentence, the field at fault, and the column when known. */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;
        final int column;

        BadLine(String message, String field, int column) {
            super(message, null, false, false);
            this.field = field;
            this.column = column;
        }
    }
}
