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
import java.io.IOException;
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
 * Scenario files (SPEC sections 7 and 9): JSON Lines, one event a line; blank lines are skipped.
 * Reading stops at the first bad line (malformed JSON, unknown type, a missing, ill-typed or
 * unknown field); the steps before it are returned with the error, so that a caller can apply them
 * and stop there. Whether the agents exist is the caller's business: it has the configuration.
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
            Map.entry("talkdesk.call.started", Set.of("agent")),
            Map.entry("talkdesk.call.ended", Set.of("agent")),
            Map.entry("talkdesk.wrapup.ended", Set.of("agent", "nextStatus")),
            Map.entry("omni.status", Set.of("agent", "status")),
            Map.entry("omni.workload", Set.of("agent", "workload")),
            Map.entry("omni.work.accepted", Set.of("agent", "channel")),
            Map.entry("admin.sync", Set.of("enabled", "force")),
            Map.entry("admin.returnToPrevious", Set.of("enabled")),
            Map.entry("admin.nextAgentStatus", Set.of("enabled")),
            Map.entry("admin.rule", Set.of("name", "enabled")));

    private JsonScenarioFile() {}

    /** Reads a scenario file; a file that cannot be read is an error at line 0 and no step. */
    public static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Scenario(
                    file.toString(),
                    List.of(),
                    Optional.of(new ReadError(
                            file.toString(),
                            0,
                            0,
                            "",
                            "cannot read the file (" + e.getClass().getSimpleName()
                                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")")));
        }
        return parse(text, file.toString());
    }

    /** Reads scenario text; {@code fileName} is what errors call it. */
    public static Scenario parse(String text, String fileName) {
        List<ScenarioStep> steps = new ArrayList<>();
        Iterator<String> lines =
                Messages.withoutByteOrderMark(text == null ? "" : text).lines().iterator();
        int number = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                steps.add(step(line, number));
            } catch (BadLine bad) {
                return new Scenario(
                        fileName,
                        steps,
                        Optional.of(new ReadError(fileName, number, bad.column, bad.field, bad.getMessage())));
            }
        }
        return new Scenario(fileName, steps, Optional.empty());
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
            case "talkdesk.call.started" -> new ScenarioStep.CallStarted(line, id, at, fields.text("agent", type));
            case "talkdesk.call.ended" -> new ScenarioStep.CallEnded(line, id, at, fields.text("agent", type));
            case "talkdesk.wrapup.ended" ->
                new ScenarioStep.WrapUpEnded(
                        line, id, at, fields.text("agent", type), fields.optionalText("nextStatus", type));
            case "omni.status" ->
                new ScenarioStep.OmniStatusPicked(
                        line, id, at, fields.text("agent", type), fields.text("status", type));
            case "omni.workload" ->
                new ScenarioStep.OmniWorkloadChanged(
                        line, id, at, fields.text("agent", type), fields.units("workload", type));
            case "omni.work.accepted" ->
                new ScenarioStep.OmniWorkAccepted(
                        line, id, at, fields.text("agent", type), fields.text("channel", type));
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
