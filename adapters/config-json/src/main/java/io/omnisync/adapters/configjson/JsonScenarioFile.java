package io.omnisync.adapters.configjson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
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
 * Scenario files (SPEC sections 7 and 9): JSON Lines, one event a line. Reading stops at the first
 * bad line (malformed JSON, unknown type, a missing, ill-typed or unknown field); the steps before
 * it are returned with the error, so that a caller can apply them and stop there.
 */
public final class JsonScenarioFile {

    /** The steps of a file, and the error that stopped the reading, if one did. */
    public record Scenario(String file, List<ScenarioStep> steps, Optional<ReadError> error) {
    }

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

    private JsonScenarioFile() {
    }

    public static Scenario read(Path file) {
        List<ScenarioStep> steps = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    steps.add(step(text, number));
                } catch (BadLine bad) {
                    return new Scenario(file.toString(), steps,
                            Optional.of(new ReadError(file.toString(), number, bad.column, bad.field, bad.getMessage())));
                }
            }
        } catch (IOException e) {
            return new Scenario(file.toString(), steps, Optional.of(new ReadError(file.toString(), 0, 0, "",
                    "cannot read the file (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")")));
        }
        return new Scenario(file.toString(), steps, Optional.empty());
    }

    static ScenarioStep step(String text, int line) throws BadLine {
        JsonNode node;
        try {
            node = JsonConfigurationFile.MAPPER.readTree(text);
        } catch (JacksonException e) {
            int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            throw new BadLine("malformed JSON: " + e.getOriginalMessage(), "", column);
        }
        if (node == null || !node.isObject()) {
            throw new BadLine("a scenario line is one JSON object", "", 1);
        }
        String type = text(node, "type");
        Set<String> fields = FIELDS.get(type);
        if (fields == null) {
            throw new BadLine("unknown type '" + type + "'; one of " + new TreeSet<>(FIELDS.keySet()), "type", 0);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("type") && !name.equals("id") && !name.equals("at") && !fields.contains(name)) {
                Set<String> known = new TreeSet<>(fields);
                known.addAll(Set.of("type", "id", "at"));
                throw new BadLine("unknown field '" + name + "' for " + type + " (known: "
                        + String.join(", ", known) + ")", name, 0);
            }
        }
        Optional<String> id = optionalText(node, "id");
        Optional<Instant> at = instant(node);
        return switch (type) {
            case "talkdesk.status" -> new ScenarioStep.TalkdeskStatusPicked(line, id, at, text(node, "agent"),
                    text(node, "status"));
            case "talkdesk.call.started" -> new ScenarioStep.CallStarted(line, id, at, text(node, "agent"));
            case "talkdesk.call.ended" -> new ScenarioStep.CallEnded(line, id, at, text(node, "agent"));
            case "talkdesk.wrapup.ended" -> new ScenarioStep.WrapUpEnded(line, id, at, text(node, "agent"),
                    optionalText(node, "nextStatus"));
            case "omni.status" -> new ScenarioStep.OmniStatusPicked(line, id, at, text(node, "agent"),
                    text(node, "status"));
            case "omni.workload" -> new ScenarioStep.OmniWorkloadChanged(line, id, at, text(node, "agent"),
                    integer(node, "workload"));
            case "omni.work.accepted" -> new ScenarioStep.OmniWorkAccepted(line, id, at, text(node, "agent"),
                    text(node, "channel"));
            case "admin.sync" -> new ScenarioStep.SyncToggled(line, id, at, bool(node, "enabled"),
                    node.has("force") && bool(node, "force"));
            case "admin.returnToPrevious" -> new ScenarioStep.ReturnToPreviousToggled(line, id, at,
                    bool(node, "enabled"));
            case "admin.nextAgentStatus" -> new ScenarioStep.NextAgentStatusToggled(line, id, at,
                    bool(node, "enabled"));
            case "admin.rule" -> new ScenarioStep.RuleToggled(line, id, at, text(node, "name"), bool(node, "enabled"));
            default -> throw new IllegalStateException("a known type without a step: " + type);
        };
    }

    private static String text(JsonNode node, String field) throws BadLine {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new BadLine("missing field '" + field + "'", field, 0);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadLine("field '" + field + "' must be a non-empty string", field, 0);
        }
        return value.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) throws BadLine {
        return node.has(field) && !node.get(field).isNull() ? Optional.of(text(node, field)) : Optional.empty();
    }

    private static boolean bool(JsonNode node, String field) throws BadLine {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new BadLine((value == null ? "missing field '" : "field '") + field + "'"
                    + (value == null ? "" : " must be true or false"), field, 0);
        }
        return value.booleanValue();
    }

    private static int integer(JsonNode node, String field) throws BadLine {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new BadLine((value == null ? "missing field '" : "field '") + field + "'"
                    + (value == null ? "" : " must be a whole number"), field, 0);
        }
        return value.intValue();
    }

    private static Optional<Instant> instant(JsonNode node) throws BadLine {
        Optional<String> at = optionalText(node, "at");
        try {
            return at.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new BadLine("field 'at' must be an ISO-8601 instant such as 2026-01-06T09:00:00Z, not '"
                    + at.get() + "'", "at", 0);
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
