package io.omnisync.adapters.adminpage.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enough of SPEC 3 for the page's tests, with the engine's paths and wording: unknown statuses in
 * the mapping, reserved call statuses as Omni → Talkdesk targets, Offline as a Talkdesk → Omni
 * target, conflicting after-call settings; and, on a configuration without errors, the warnings
 * ON_A_CALL_ROUND_TRIP, TARGET_NOT_GRANTED (whose path names every status mapped to the target) and
 * UNMAPPED_STATUS (whose path is the mapping table, as the engine's is).
 * What a save also needs ({@link #forService}): a Salesforce Id for every mapped presence status,
 * which {@code serve} requires (SPEC 10, MISSING_VENDOR_SETTING).
 */
final class StandInValidation {

    static final List<String> BUILT_IN_TALKDESK_STATUSES =
            List.of("available", "on_a_call", "after_call_work", "away", "offline");
    private static final Set<String> RESERVED = Set.of("on_a_call", "after_call_work");
    private static final String OFFLINE = "Offline";

    private final ObjectMapper json;

    StandInValidation(ObjectMapper json) {
        this.json = json;
    }

    /** validate's problems: {@code {"severity","code","path","message","line"}}, errors first. */
    ArrayNode problems(JsonNode configuration) {
        List<ObjectNode> errors = errors(configuration);
        ArrayNode all = json.createArrayNode();
        all.addAll(errors);
        if (errors.isEmpty()) {
            all.addAll(warnings(configuration));
        }
        return all;
    }

    /** What PUT refuses besides validate's errors: what {@code serve} needs to run the configuration. */
    ArrayNode forService(JsonNode configuration) {
        ArrayNode all = problems(configuration);
        Set<String> mapped = new LinkedHashSet<>();
        configuration.path("integration").path("talkdeskToOmni").forEach(target -> mapped.add(target.asText()));
        configuration
                .path("integration")
                .path("omniToTalkdesk")
                .properties()
                .forEach(entry -> mapped.add(entry.getKey()));
        JsonNode statuses = configuration.path("omniChannel").path("presenceStatuses");
        for (int i = 0; i < statuses.size(); i++) {
            JsonNode status = statuses.get(i);
            String apiName = status.path("apiName").asText();
            if (mapped.contains(apiName) && status.path("salesforceId").asText().isBlank()) {
                all.add(problem(
                        "ERROR",
                        "MISSING_VENDOR_SETTING",
                        "omniChannel.presenceStatuses[" + i + "].salesforceId",
                        "'" + apiName + "' is mapped but has no salesforceId: the Omni-Channel console needs the Id of "
                                + "its ServicePresenceStatus record to set it"));
            }
        }
        return all;
    }

    static boolean hasErrors(ArrayNode problems) {
        for (JsonNode problem : problems) {
            if ("ERROR".equals(problem.path("severity").asText())) {
                return true;
            }
        }
        return false;
    }

    private List<ObjectNode> errors(JsonNode configuration) {
        Set<String> talkdesk = talkdeskStatuses(configuration);
        Set<String> presence = presenceStatuses(configuration);
        List<ObjectNode> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : entries(configuration, "omniToTalkdesk")) {
            String path = "integration.omniToTalkdesk." + entry.getKey();
            String target = entry.getValue().asText();
            if (!OFFLINE.equals(entry.getKey()) && !presence.contains(entry.getKey())) {
                problems.add(unknown(path, "presence status", entry.getKey()));
            }
            if (RESERVED.contains(target)) {
                problems.add(problem(
                        "ERROR",
                        "RESERVED_STATUS_AS_TARGET",
                        path,
                        "'" + target + "' is reserved for calls: only the call lifecycle sets it, so no Omni-Channel "
                                + "status may map to it; map '" + entry.getKey() + "' to an Away status instead"));
            } else if (!talkdesk.contains(target)) {
                problems.add(unknown(path, "Talkdesk status", target));
            }
        }
        for (Map.Entry<String, JsonNode> entry : entries(configuration, "talkdeskToOmni")) {
            String path = "integration.talkdeskToOmni." + entry.getKey();
            String target = entry.getValue().asText();
            if (!talkdesk.contains(entry.getKey())) {
                problems.add(unknown(path, "Talkdesk status", entry.getKey()));
            }
            if (OFFLINE.equals(target)) {
                problems.add(problem(
                        "ERROR",
                        "OFFLINE_AS_TARGET",
                        path,
                        "Talkdesk statuses never log agents out of Omni-Channel: '" + entry.getKey()
                                + "' cannot map to Offline; map it to a Busy presence status instead"));
            } else if (!presence.contains(target)) {
                problems.add(unknown(path, "presence status", target));
            }
        }
        boolean returnToPrevious = configuration
                .path("integration")
                .path("returnToPreviousStatusAfterCall")
                .asBoolean(false);
        boolean nextAgentStatus = configuration
                .path("talkdesk")
                .path("preferences")
                .path("nextAgentStatus")
                .asBoolean(false);
        if (returnToPrevious && nextAgentStatus) {
            problems.add(problem(
                    "ERROR",
                    "CONFLICTING_AFTER_CALL_SETTINGS",
                    "integration.returnToPreviousStatusAfterCall",
                    "'return to previous status after a call' and Talkdesk's 'Next agent status' preference cannot "
                            + "be enabled at the same time; turn one of them off"));
        }
        return problems;
    }

    private List<ObjectNode> warnings(JsonNode configuration) {
        List<ObjectNode> problems = new ArrayList<>();
        JsonNode talkdeskToOmni = configuration.path("integration").path("talkdeskToOmni");
        JsonNode omniToTalkdesk = configuration.path("integration").path("omniToTalkdesk");
        JsonNode onACall = talkdeskToOmni.path("on_a_call");
        if (onACall.isTextual()) {
            String back = omniToTalkdesk.path(onACall.asText()).asText(null);
            String type = back == null ? null : talkdeskType(configuration, back);
            if (!"AWAY".equals(type)) {
                String now =
                        back == null ? "is not mapped back to Talkdesk" : "maps back to '" + back + "' (" + type + ")";
                problems.add(
                        problem(
                                "WARNING",
                                "ON_A_CALL_ROUND_TRIP",
                                "integration.omniToTalkdesk." + onACall.asText(),
                                "'" + onACall.asText() + "' (what Talkdesk On a Call maps to) " + now
                                        + "; agents should not "
                                        + "pick it in the widget, but in case they do, map it to a Talkdesk status of type AWAY"));
            }
        }
        problems.addAll(targetsNotGranted(configuration));
        for (String id : talkdeskStatuses(configuration)) {
            if (!talkdeskToOmni.has(id)) {
                problems.add(problem(
                        "WARNING",
                        "UNMAPPED_STATUS",
                        "integration.talkdeskToOmni",
                        "Talkdesk status '" + id + "' has no Omni-Channel status: changes to it are not synced"));
            }
        }
        for (String apiName : presenceStatuses(configuration)) {
            if (!omniToTalkdesk.has(apiName)) {
                problems.add(problem(
                        "WARNING",
                        "UNMAPPED_STATUS",
                        "integration.omniToTalkdesk",
                        "presence status '" + apiName + "' has no Talkdesk status: changes to it are not synced"));
            }
        }
        return problems;
    }

    /** A Talkdesk → Omni target some agents are not granted; the path names every status mapped to it. */
    private List<ObjectNode> targetsNotGranted(JsonNode configuration) {
        Map<String, List<String>> sourcesByTarget = new java.util.TreeMap<>();
        configuration
                .path("integration")
                .path("talkdeskToOmni")
                .properties()
                .forEach(entry -> sourcesByTarget
                        .computeIfAbsent(entry.getValue().asText(), target -> new ArrayList<>())
                        .add(entry.getKey()));
        List<ObjectNode> problems = new ArrayList<>();
        sourcesByTarget.forEach((target, sources) -> {
            List<String> lacking = new ArrayList<>();
            for (JsonNode agent : configuration.path("agents")) {
                if (!granted(configuration, agent, target)) {
                    lacking.add(agent.path("id").asText());
                }
            }
            if (!lacking.isEmpty()) {
                java.util.Collections.sort(sources);
                java.util.Collections.sort(lacking);
                problems.add(problem(
                        "WARNING",
                        "TARGET_NOT_GRANTED",
                        "integration.talkdeskToOmni." + String.join(", ", sources),
                        "'" + target + "' is not granted to " + String.join(", ", lacking)
                                + " by profile or permission set; they will never be moved there"));
            }
        });
        return problems;
    }

    private static boolean granted(JsonNode configuration, JsonNode agent, String presenceStatus) {
        Set<String> grants = new LinkedHashSet<>();
        grants.add("profile:" + agent.path("profile").asText());
        agent.path("permissionSets").forEach(name -> grants.add("permissionSet:" + name.asText()));
        for (String kind : List.of("profiles", "permissionSets")) {
            String prefix = kind.equals("profiles") ? "profile:" : "permissionSet:";
            for (JsonNode grant : configuration.path("omniChannel").path(kind)) {
                if (grants.contains(prefix + grant.path("name").asText())) {
                    for (JsonNode status : grant.path("presenceStatuses")) {
                        if (presenceStatus.equals(status.asText())) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    static Set<String> talkdeskStatuses(JsonNode configuration) {
        Set<String> ids = new LinkedHashSet<>(BUILT_IN_TALKDESK_STATUSES);
        configuration
                .path("talkdesk")
                .path("statuses")
                .forEach(status -> ids.add(status.path("id").asText()));
        return ids;
    }

    static Set<String> presenceStatuses(JsonNode configuration) {
        Set<String> apiNames = new LinkedHashSet<>();
        configuration
                .path("omniChannel")
                .path("presenceStatuses")
                .forEach(status -> apiNames.add(status.path("apiName").asText()));
        return apiNames;
    }

    private static String talkdeskType(JsonNode configuration, String id) {
        return switch (id) {
            case "available" -> "AVAILABLE";
            case "on_a_call", "after_call_work" -> "BUSY";
            case "away" -> "AWAY";
            case "offline" -> "OFFLINE";
            default -> {
                for (JsonNode status : configuration.path("talkdesk").path("statuses")) {
                    if (id.equals(status.path("id").asText())) {
                        yield status.path("type").asText();
                    }
                }
                yield "UNKNOWN";
            }
        };
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode configuration, String table) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        entries.addAll(configuration.path("integration").path(table).properties());
        return entries;
    }

    private ObjectNode unknown(String path, String what, String name) {
        return problem("ERROR", "UNKNOWN_STATUS", path, "there is no " + what + " '" + name + "'");
    }

    private ObjectNode problem(String severity, String code, String path, String message) {
        ObjectNode problem = json.createObjectNode()
                .put("severity", severity)
                .put("code", code)
                .put("path", path)
                .put("message", message);
        problem.putNull("line");
        return problem;
    }
}
