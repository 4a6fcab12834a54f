package io.omnisync.adapters.adminpage.standin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in of Omnisync's admin API on loopback (JDK HTTP server): SPEC 10.3 to the letter, plus the
 * lead's two extensions ({@code POST /api/configuration/check}, {@code GET /api/stream}), with a
 * configuration in memory seeded from the guide's example. It also serves the admin page from the
 * classpath ({@code omnisync/admin/}) at its root, as the service will, so the page is same-origin.
 * Tests drive what happens around the page (an agent's status changes, another admin changes a
 * setting, the token is rotated, the service goes away) and read what the page sent.
 */
public final class AdminApiStandIn implements AutoCloseable {

    /** At least 32 bytes, as SPEC 10 asks of the adminToken. */
    public static final String TOKEN = "omnisync-admin-token-for-the-browser-tests";

    private static final int MAX_BODY = 1024 * 1024;
    private static final Pattern AUDIT = Pattern.compile("/api/agents/([^/]+)/audit");
    private static final Pattern RULE = Pattern.compile("/api/rules/([^/]+)");
    private static final Set<String> TOP_LEVEL = Set.of("talkdesk", "omniChannel", "agents", "integration", "vendors");

    private final ObjectMapper json = new ObjectMapper();
    private final StandInValidation validation = new StandInValidation(json);
    private final EventStreams streams = new EventStreams();
    private final PageAssets page = new PageAssets();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService pinger;
    private final ScheduledFuture<?> pings;
    private final String prefix;
    private final Clock clock;

    private ObjectNode configuration;
    private final Map<String, ObjectNode> agents = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> facts = new LinkedHashMap<>();
    private final List<ObjectNode> pending = new ArrayList<>();
    private String token = TOKEN;
    private int commandIds;

    private AdminApiStandIn(String prefix, Clock clock) throws IOException {
        this.prefix = prefix;
        this.clock = clock;
        this.configuration = (ObjectNode) json.readTree(resource("guide-configuration.json"));
        seedAgents();
        this.handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "admin-api-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
        this.pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "admin-api-stand-in-ping");
            thread.setDaemon(true);
            return thread;
        });
        this.pings = pinger.scheduleAtFixedRate(streams::ping, 15, 15, TimeUnit.SECONDS);
    }

    /** Serves the page at {@code /} and the API at {@code /api/...}; business hours are judged by clock. */
    public static AdminApiStandIn start(Clock clock) {
        return start("/", clock);
    }

    /** Serves everything under prefix (which starts and ends with '/'), as behind a path-routing proxy. */
    public static AdminApiStandIn start(String prefix, Clock clock) {
        try {
            return new AdminApiStandIn(prefix, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI pageUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }

    // ---- what tests do around the page ---------------------------------------------------------------

    /** An agent's statuses changed (a webhook or a console event was applied): the stream says so. */
    public void agentChanged(String agent, String talkdesk, String omni, String callPhase, String message) {
        String data;
        synchronized (this) {
            ObjectNode entry = agents.get(agent);
            if (entry == null) {
                throw new IllegalArgumentException("no agent " + agent);
            }
            entry.put("talkdesk", talkdesk).put("omni", omni).put("callPhase", callPhase);
            fact(agent, "reported", "STATUS_CHANGED", message);
            data = entry.toString();
        }
        streams.send("agent", data);
    }

    /** A command waits for a vendor: it shows in GET /api/pending and in the agent's count. */
    public void commandPending(String agent, String system, String status, int attempts, String lastError) {
        String data;
        synchronized (this) {
            ObjectNode entry = agents.get(agent);
            pending.add(json.createObjectNode()
                    .put("commandId", "cmd-" + ++commandIds)
                    .put("agent", agent)
                    .put("system", system)
                    .put("status", status)
                    .put("attempts", attempts)
                    .put("lastError", lastError));
            entry.put("pendingCommands", entry.path("pendingCommands").asInt() + 1);
            data = entry.toString();
        }
        streams.send("agent", data);
    }

    /** A setting changed where the page cannot see it (no stream event): the page's view is stale. */
    public synchronized void changeSettingsUnannounced(boolean returnToPrevious, boolean nextAgentStatus) {
        integration().put("returnToPreviousStatusAfterCall", returnToPrevious);
        preferences().put("nextAgentStatus", nextAgentStatus);
    }

    /** The service's admin token changed (a restart with new secrets): the old one now gets 401. */
    public synchronized void rotateToken(String newToken) {
        this.token = newToken;
    }

    /** Ends the open event streams, as a lost connection would. */
    public void dropStreams() {
        streams.dropAll();
    }

    public int openStreams() {
        return streams.open();
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized JsonNode configuration() {
        return configuration.deepCopy();
    }

    public synchronized JsonNode agent(String id) {
        return agents.get(id).deepCopy();
    }

    /** The service goes away: connections are refused from now on. */
    @Override
    public void close() {
        streams.dropAll();
        server.stop(0);
        pings.cancel(false);
        pinger.shutdownNow();
        handlers.shutdownNow();
    }

    // ---- HTTP ------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String rawPath = exchange.getRequestURI().getRawPath();
            if (!rawPath.startsWith(prefix)) {
                error(exchange, 404, "NOT_FOUND", "nothing at " + rawPath);
                return;
            }
            String path = "/" + rawPath.substring(prefix.length());
            if (!path.startsWith("/api/")) {
                page.serve(exchange, path);
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            String text = new String(body, StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            synchronized (this) {
                requests.add(new RecordedRequest(
                        exchange.getRequestMethod(), exchange.getRequestURI().toString(), authorization, text));
            }
            if (body.length > MAX_BODY) {
                error(exchange, 413, "PAYLOAD_TOO_LARGE", "the body is over 1 MiB");
                return;
            }
            if (!authorized(authorization)) {
                error(exchange, 401, "UNAUTHORIZED", "a valid admin token is required: Authorization: Bearer <token>");
                return;
            }
            route(exchange, exchange.getRequestMethod(), path, text);
        } catch (BadRequest e) {
            error(exchange, 400, "BAD_REQUEST", e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private synchronized boolean authorized(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(
                authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private void route(HttpExchange exchange, String method, String path, String body) throws IOException {
        Matcher audit = AUDIT.matcher(path);
        Matcher rule = RULE.matcher(path);
        String route = method + " " + path;
        if (route.equals("GET /api/stream")) {
            streams.serve(exchange);
        } else if (route.equals("GET /api/agents")) {
            respond(exchange, 200, agentsAnswer());
        } else if (method.equals("GET") && audit.matches()) {
            respond(exchange, audit(URLDecoder.decode(audit.group(1), StandardCharsets.UTF_8)));
        } else if (route.equals("GET /api/configuration")) {
            respond(exchange, 200, configuration());
        } else if (route.equals("PUT /api/configuration")) {
            respond(exchange, replaceConfiguration(readConfiguration(body)));
        } else if (route.equals("POST /api/configuration/check")) {
            respond(
                    exchange,
                    200,
                    json.createObjectNode().set("problems", validation.problems(readConfiguration(body))));
        } else if (route.equals("POST /api/sync")) {
            respond(exchange, sync(readObject(body)));
        } else if (route.equals("PATCH /api/settings")) {
            respond(exchange, settings(readObject(body)));
        } else if (method.equals("PATCH") && rule.matches()) {
            respond(exchange, toggleRule(URLDecoder.decode(rule.group(1), StandardCharsets.UTF_8), readObject(body)));
        } else if (route.equals("GET /api/pending")) {
            respond(exchange, 200, pendingAnswer());
        } else {
            error(exchange, 404, "NOT_FOUND", "no " + method + " " + path);
        }
    }

    // ---- the endpoints -----------------------------------------------------------------------------------

    private synchronized ObjectNode agentsAnswer() {
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("agents");
        agents.values().forEach(agent -> list.add(agent.deepCopy()));
        return answer;
    }

    private synchronized Answer audit(String agent) {
        if (!agents.containsKey(agent)) {
            return Answer.error(404, "NOT_FOUND", "no agent '" + agent + "'");
        }
        List<ObjectNode> all = facts.getOrDefault(agent, List.of());
        ArrayNode list = json.createArrayNode();
        all.subList(Math.max(0, all.size() - 200), all.size()).forEach(list::add);
        return Answer.ok(json.createObjectNode().set("facts", list));
    }

    private synchronized ObjectNode pendingAnswer() {
        ObjectNode answer = json.createObjectNode();
        answer.putArray("pending").addAll(pending);
        return answer;
    }

    private Answer replaceConfiguration(ObjectNode replacement) {
        ArrayNode problems = validation.forService(replacement);
        if (StandInValidation.hasErrors(problems)) {
            ObjectNode refusal = json.createObjectNode()
                    .put("error", "INVALID_CONFIGURATION")
                    .put("message", "the configuration has errors; nothing was applied");
            refusal.set("problems", problems);
            return new Answer(422, refusal);
        }
        List<String> changed = new ArrayList<>();
        String settingsBefore;
        String settingsAfter;
        synchronized (this) {
            settingsBefore = settingsNode().toString();
            configuration = replacement;
            Map<String, ObjectNode> kept = new LinkedHashMap<>(agents);
            agents.clear();
            for (JsonNode agent : configuration.path("agents")) {
                String id = agent.path("id").asText();
                agents.put(id, kept.containsKey(id) ? kept.get(id) : entryOf(agent));
                if (!kept.containsKey(id)) {
                    changed.add(id);
                }
            }
            settingsAfter = settingsNode().toString();
        }
        changed.forEach(id -> streams.send("agent", agent(id).toString()));
        if (!settingsBefore.equals(settingsAfter)) {
            streams.send("settings", settingsAnswer().toString());
        }
        ArrayNode warnings = json.createArrayNode();
        problems.forEach(warnings::add);
        return Answer.ok(json.createObjectNode().set("problems", warnings));
    }

    private Answer sync(ObjectNode body) {
        boolean enabled = requiredBoolean(body, "enabled");
        boolean force = requiredBoolean(body, "force");
        boolean dryRun = requiredBoolean(body, "dryRun");
        allowOnly(body, Set.of("enabled", "force", "dryRun"));
        if (dryRun) {
            return Answer.ok(plan());
        }
        List<String> moved = new ArrayList<>();
        synchronized (this) {
            boolean on = integration().path("omniChannelSync").asBoolean(false);
            if (enabled && !on) {
                String inside = insideBusinessHours();
                if (inside != null && !force) {
                    return Answer.error(409, "INSIDE_BUSINESS_HOURS", inside);
                }
                for (JsonNode command : plan().path("commands")) {
                    String agent = command.path("agent").asText();
                    agents.get(agent).put("omni", command.path("status").asText());
                    fact(
                            agent,
                            "command",
                            "ACTIVATION",
                            "Omni-Channel set to '" + command.path("status").asText() + "' (activation)");
                    moved.add(agent);
                }
            }
            integration().put("omniChannelSync", enabled);
        }
        moved.forEach(id -> streams.send("agent", agent(id).toString()));
        ObjectNode settings = settingsAnswer();
        streams.send("settings", settings.toString());
        return Answer.ok(settings);
    }

    /** Rule 4.2's dry run, as {@code plan --json}: Talkdesk wins unless the two sides already agree. */
    private synchronized ObjectNode plan() {
        ObjectNode plan = json.createObjectNode();
        ArrayNode commands = plan.putArray("commands");
        ArrayNode skipped = plan.putArray("skipped");
        JsonNode talkdeskToOmni = integration().path("talkdeskToOmni");
        JsonNode omniToTalkdesk = integration().path("omniToTalkdesk");
        for (ObjectNode agent : agents.values()) {
            String id = agent.path("agent").asText();
            String talkdesk = agent.path("talkdesk").asText();
            String omni = agent.path("omni").asText();
            String target = talkdeskToOmni.path(talkdesk).asText(null);
            if ("Offline".equals(omni)) {
                skipped.add(skip(
                        id,
                        "OMNI_OFFLINE",
                        (target == null ? "'" + talkdesk + "'" : "'" + talkdesk + "' maps to '" + target + "'")
                                + " but the agent is logged out of Omni-Channel, and Omnisync never logs anyone in"));
            } else if (target == null) {
                skipped.add(skip(id, "UNMAPPED", "Talkdesk status '" + talkdesk + "' has no Omni-Channel status"));
            } else if (target.equals(omni)
                    || talkdesk.equals(omniToTalkdesk.path(omni).asText(null))) {
                skipped.add(skip(
                        id, "CONSISTENT", "Talkdesk '" + talkdesk + "' and Omni-Channel '" + omni + "' already agree"));
            } else {
                commands.addObject()
                        .put("kind", "command")
                        .put("agent", id)
                        .put("system", "omni")
                        .put("status", target)
                        .put("because", "activation");
            }
        }
        return plan;
    }

    private Answer settings(ObjectNode body) {
        allowOnly(body, Set.of("returnToPreviousStatusAfterCall", "nextAgentStatus"));
        synchronized (this) {
            boolean returnToPrevious = optionalBoolean(
                    body,
                    "returnToPreviousStatusAfterCall",
                    integration().path("returnToPreviousStatusAfterCall").asBoolean(false));
            boolean nextAgentStatus = optionalBoolean(
                    body,
                    "nextAgentStatus",
                    preferences().path("nextAgentStatus").asBoolean(false));
            if (returnToPrevious && nextAgentStatus) {
                return Answer.error(
                        409,
                        "CONFLICTING_AFTER_CALL_SETTINGS",
                        "'return to previous status after a call' and Talkdesk's 'Next agent status' cannot be enabled "
                                + "at the same time; turn one of them off first");
            }
            integration().put("returnToPreviousStatusAfterCall", returnToPrevious);
            preferences().put("nextAgentStatus", nextAgentStatus);
        }
        ObjectNode settings = settingsAnswer();
        streams.send("settings", settings.toString());
        return Answer.ok(settings);
    }

    private synchronized Answer toggleRule(String name, ObjectNode body) {
        boolean enabled = requiredBoolean(body, "enabled");
        allowOnly(body, Set.of("enabled"));
        for (JsonNode rule : integration().path("presenceSyncRules")) {
            if (name.equals(rule.path("name").asText())) {
                ((ObjectNode) rule).put("enabled", enabled);
                return Answer.ok(json.createObjectNode().put("name", name).put("enabled", enabled));
            }
        }
        return Answer.error(404, "NOT_FOUND", "no presence sync rule named '" + name + "'");
    }

    // ---- state -------------------------------------------------------------------------------------------

    private void seedAgents() {
        for (JsonNode agent : configuration.path("agents")) {
            String id = agent.path("id").asText();
            agents.put(id, entryOf(agent));
            fact(
                    id,
                    "skipped",
                    "SYNC_OFF",
                    "Talkdesk '" + agent.path("talkdeskStatus").asText()
                            + "' noted; the 'Omni-Channel' toggle is off, so nothing is synced");
        }
    }

    private ObjectNode entryOf(JsonNode agent) {
        return json.createObjectNode()
                .put("agent", agent.path("id").asText())
                .put("talkdesk", agent.path("talkdeskStatus").asText("offline"))
                .put("omni", agent.path("omniStatus").asText("Offline"))
                .put("callPhase", "idle")
                .put("pendingCommands", 0);
    }

    private void fact(String agent, String kind, String reason, String message) {
        facts.computeIfAbsent(agent, id -> new ArrayList<>())
                .add(json.createObjectNode()
                        .put("at", clock.instant().toString())
                        .put("kind", kind)
                        .put("reason", reason)
                        .put("message", message));
    }

    private ObjectNode integration() {
        return configuration.withObjectProperty("integration");
    }

    private ObjectNode preferences() {
        return configuration.withObjectProperty("talkdesk").withObjectProperty("preferences");
    }

    private synchronized ObjectNode settingsNode() {
        return json.createObjectNode()
                .put("omniChannelSync", integration().path("omniChannelSync").asBoolean(false))
                .put(
                        "returnToPreviousStatusAfterCall",
                        integration().path("returnToPreviousStatusAfterCall").asBoolean(false))
                .put("nextAgentStatus", preferences().path("nextAgentStatus").asBoolean(false));
    }

    private ObjectNode settingsAnswer() {
        return json.createObjectNode().set("settings", settingsNode());
    }

    /** The guard of rule 4.2, in the engine's words; null outside business hours. */
    private String insideBusinessHours() {
        JsonNode hours = integration().path("businessHours");
        if (hours.isMissingNode()) {
            return null;
        }
        ZoneId zone = ZoneId.of(hours.path("timeZone").asText());
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalTime start = LocalTime.parse(hours.path("start").asText());
        LocalTime end = LocalTime.parse(hours.path("end").asText());
        List<String> days = new ArrayList<>();
        hours.path("days").forEach(day -> days.add(day.asText()));
        boolean inside = days.contains(now.getDayOfWeek().name())
                && !now.toLocalTime().isBefore(start)
                && now.toLocalTime().isBefore(end);
        if (!inside) {
            return null;
        }
        return "turning Omni-Channel sync on at " + now.toLocalDateTime() + " (" + zone + ") is inside business hours ("
                + String.join(", ", days) + " " + start + "-" + end + "): states start syncing at once and agents "
                + "would be moved mid-work; activate after hours, or force it";
    }

    // ---- reading bodies -----------------------------------------------------------------------------------

    private ObjectNode readConfiguration(String body) {
        ObjectNode configuration = readObject(body);
        for (Iterator<String> names = configuration.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new BadRequest("unknown field '" + name + "' at the top of the configuration");
            }
        }
        return configuration;
    }

    private ObjectNode readObject(String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static boolean requiredBoolean(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw new BadRequest("'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static boolean optionalBoolean(ObjectNode body, String field, boolean otherwise) {
        return body.has(field) ? requiredBoolean(body, field) : otherwise;
    }

    private static void allowOnly(ObjectNode body, Set<String> fields) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new BadRequest("unknown field '" + name + "'");
            }
        }
    }

    private ObjectNode skip(String agent, String reason, String detail) {
        return json.createObjectNode()
                .put("kind", "skipped")
                .put("agent", agent)
                .put("reason", reason)
                .put("detail", detail);
    }

    // ---- writing answers ----------------------------------------------------------------------------------

    private void respond(HttpExchange exchange, Answer answer) throws IOException {
        respond(exchange, answer.status(), answer.body());
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        respond(exchange, status, json.createObjectNode().put("error", code).put("message", message));
    }

    private static InputStream resource(String name) {
        InputStream stream = AdminApiStandIn.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return stream;
    }

    /** An answer: a status and its JSON body. */
    private record Answer(int status, JsonNode body) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer error(int status, String code, String message) {
            return new Answer(
                    status,
                    new ObjectMapper().createObjectNode().put("error", code).put("message", message));
        }
    }

    /** A body the API cannot read: 400 naming the field. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
