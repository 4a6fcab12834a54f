package io.omnisync.adapters.configjson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ActionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.BusinessHoursDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ConditionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.RuleDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ServiceChannelDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskPresenceDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configuration file of SPEC section 6, read in one streaming pass: the draft, the line of
 * every element, and every structural error the pass can find, in the order of the file. An
 * unknown field, a field written twice, a value of the wrong type (no text for a number, no
 * number for a name, no fraction for a whole number), a null inside a list or a mapping table, an
 * unknown status type, option, day, time, time zone or automatic change: each is an error with
 * its line, column and field, and reading goes on with the next value. Malformed JSON stops the
 * parser: it is the last error, at its position. A null field reads as a missing one (the
 * domain's validation then names what is missing); a presence sync rule written without
 * {@code enabled} is enabled.
 *
 * <p>Nothing but the draft is kept: no tree of the file, no copy of its text, so a big
 * {@code agents} list costs its agents and its {@link LineIndex}. Values the agents share (a
 * profile, a status, a permission set) are kept once.
 */
final class ConfigurationReader {

    /** More errors than this are counted, not listed: a wrong file would otherwise list millions. */
    static final int MOST_ERRORS = 1000;

    private static final int MOST_SHARED_VALUES = 4096;

    private static final Fields TOP = new Fields("talkdesk", "omniChannel", "agents", "integration", "vendors");
    private static final Fields TALKDESK = new Fields("statuses", "preferences");
    private static final Fields PREFERENCES = new Fields("nextAgentStatus");
    private static final Fields TALKDESK_STATUS = new Fields("id", "name", "type", "presence");
    private static final Fields TALKDESK_PRESENCE = new Fields("status", "customStatusId");
    private static final Fields OMNI_CHANNEL =
            new Fields("serviceChannels", "presenceStatuses", "profiles", "permissionSets", "presenceConfigurations");
    private static final Fields SERVICE_CHANNEL = new Fields("apiName", "label", "urgent");
    private static final Fields PRESENCE_STATUS = new Fields("apiName", "label", "option", "channels", "salesforceId");
    private static final Fields GRANT = new Fields("name", "presenceStatuses");
    private static final Fields PRESENCE_CONFIGURATION =
            new Fields("name", "capacity", "profiles", "users", "statusOnDecline", "statusOnPushTimeout");
    private static final Fields AGENT = new Fields(
            "id", "talkdeskUserId", "salesforceUserId", "profile", "permissionSets", "talkdeskStatus", "omniStatus");
    private static final Fields INTEGRATION = new Fields(
            "omniChannelSync",
            "returnToPreviousStatusAfterCall",
            "omniToTalkdesk",
            "talkdeskToOmni",
            "businessHours",
            "presenceSyncRules",
            "automaticStatusChanges");
    private static final Fields BUSINESS_HOURS = new Fields("timeZone", "days", "start", "end");
    private static final Fields RULE = new Fields("name", "enabled", "trigger", "conditions", "logic", "action");
    private static final Fields CONDITION = new Fields("left", "operator", "right");
    private static final Fields ACTION = new Fields("system", "status");
    private static final Fields VENDORS = new Fields("talkdesk", "omniChannel");
    private static final Fields TALKDESK_VENDOR = new Fields("apiBaseUrl", "tokenUrl", "scopes");
    private static final Fields OMNI_CHANNEL_VENDOR = new Fields("consoleOrigins");

    private final JsonParser parser;
    private final LineIndex.Builder index = new LineIndex.Builder(false);
    private final java.util.List<LineIndex.Located> errors = new ArrayList<>();
    private final Map<String, String> shared = new HashMap<>();
    private int unlisted;
    private boolean stopped;
    private ConfigurationDraft draft;

    ConfigurationReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads the file's one JSON value to its end. Malformed JSON stops the reading, as its last
     * error; a failure of the input itself (too large, not UTF-8) is thrown, with the errors found
     * before it kept.
     */
    void read() throws IOException {
        try {
            document();
        } catch (JacksonException e) {
            stopped = true;
            errors.add(Messages.stopped(e, parser));
        }
    }

    /** Whether reading stopped before the end of the input (malformed JSON, content after the end). */
    boolean stopped() {
        return stopped;
    }

    /** Every error found, in the order of the file, the last one saying how many more there were. */
    java.util.List<LineIndex.Located> errors() {
        if (unlisted == 0) {
            return errors;
        }
        java.util.List<LineIndex.Located> all = new ArrayList<>(errors);
        all.add(new LineIndex.Located(
                0, 0, "", "and " + unlisted + " more errors, not listed after the first " + MOST_ERRORS));
        return all;
    }

    /** The draft, when the file had no error. */
    Option<ConfigurationDraft> draft() {
        return errors.isEmpty() && unlisted == 0 ? Option.of(draft) : Option.none();
    }

    LineIndex lines() {
        return index.build();
    }

    // ---- the document ------------------------------------------------------------------------

    private void document() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            error(1, 1, Where.TOP, "the file is empty; a configuration is a JSON object");
            return;
        }
        JsonLocation at = parser.currentTokenLocation();
        Slot top = new Slot(Where.TOP, index.add(-1, null, at.getLineNr(), at.getColumnNr()), at, token);
        if (token == JsonToken.START_OBJECT) {
            draft = configuration(top);
        } else {
            error(top, "a configuration is a JSON object, not " + LineIndex.describe(token, parser));
            parser.skipChildren();
        }
        if (parser.nextToken() != null) {
            stopped = true;
            error(
                    new Slot(Where.TOP, -1, parser.currentTokenLocation(), parser.currentToken()),
                    "unexpected content after the end of the JSON value");
        }
    }

    private ConfigurationDraft configuration(Slot top) throws IOException {
        var sections = new Object() {
            ConfigurationDraft.Talkdesk talkdesk;
            ConfigurationDraft.OmniChannel omniChannel;
            List<AgentDraft> agents;
            ConfigurationDraft.Integration integration;
            Option<ConfigurationDraft.VendorsDraft> vendors = Option.none();
        };
        fields(top, TOP, field -> {
            switch (field.name()) {
                case "talkdesk" -> sections.talkdesk = talkdesk(field);
                case "omniChannel" -> sections.omniChannel = omniChannel(field);
                case "agents" -> sections.agents = List.ofAll(list(field, this::agent));
                case "integration" -> sections.integration = integration(field);
                default -> sections.vendors = Option.of(vendors(field));
            }
        });
        return new ConfigurationDraft(
                sections.talkdesk, sections.omniChannel, sections.agents, sections.integration, sections.vendors);
    }

    private ConfigurationDraft.Talkdesk talkdesk(Slot section) throws IOException {
        var talkdesk = new Object() {
            java.util.List<TalkdeskStatusDraft> statuses = java.util.List.of();
            boolean nextAgentStatus;
        };
        if (!object(section, TALKDESK, field -> {
            if (field.name().equals("statuses")) {
                talkdesk.statuses = list(field, this::talkdeskStatus);
            } else {
                talkdesk.nextAgentStatus = preferences(field);
            }
        })) {
            return null;
        }
        return new ConfigurationDraft.Talkdesk(List.ofAll(talkdesk.statuses), talkdesk.nextAgentStatus);
    }

    private boolean preferences(Slot slot) throws IOException {
        boolean[] next = {false};
        object(slot, PREFERENCES, field -> next[0] = bool(field, false));
        return next[0];
    }

    private TalkdeskStatusDraft talkdeskStatus(Slot element) throws IOException {
        var status = new Object() {
            String id;
            String name;
            TalkdeskStatusType type;
            TalkdeskPresenceDraft presence;
        };
        if (!object(element, TALKDESK_STATUS, field -> {
            switch (field.name()) {
                case "id" -> status.id = text(field);
                case "name" -> status.name = text(field);
                case "type" -> status.type = choice(field, TalkdeskStatusType.class, "Talkdesk status type");
                default -> status.presence = talkdeskPresence(field);
            }
        })) {
            return null;
        }
        return new TalkdeskStatusDraft(status.id, status.name, status.type, Option.of(status.presence));
    }

    private TalkdeskPresenceDraft talkdeskPresence(Slot slot) throws IOException {
        String[] presence = new String[2];
        if (!object(slot, TALKDESK_PRESENCE, field -> {
            if (field.name().equals("status")) {
                presence[0] = text(field);
            } else {
                presence[1] = text(field);
            }
        })) {
            return null;
        }
        return new TalkdeskPresenceDraft(presence[0], Option.of(presence[1]));
    }

    private ConfigurationDraft.OmniChannel omniChannel(Slot section) throws IOException {
        var omni = new Object() {
            java.util.List<ServiceChannelDraft> channels = java.util.List.of();
            java.util.List<PresenceStatusDraft> statuses = java.util.List.of();
            java.util.List<AccessGrantDraft> profiles = java.util.List.of();
            java.util.List<AccessGrantDraft> permissionSets = java.util.List.of();
            java.util.List<PresenceConfigurationDraft> configurations = java.util.List.of();
        };
        if (!object(section, OMNI_CHANNEL, field -> {
            switch (field.name()) {
                case "serviceChannels" -> omni.channels = list(field, this::serviceChannel);
                case "presenceStatuses" -> omni.statuses = list(field, this::presenceStatus);
                case "profiles" -> omni.profiles = list(field, this::grant);
                case "permissionSets" -> omni.permissionSets = list(field, this::grant);
                default -> omni.configurations = list(field, this::presenceConfiguration);
            }
        })) {
            return null;
        }
        return new ConfigurationDraft.OmniChannel(
                List.ofAll(omni.channels),
                List.ofAll(omni.statuses),
                List.ofAll(omni.profiles),
                List.ofAll(omni.permissionSets),
                List.ofAll(omni.configurations));
    }

    private ServiceChannelDraft serviceChannel(Slot element) throws IOException {
        var channel = new Object() {
            String apiName;
            String label;
            boolean urgent;
        };
        if (!object(element, SERVICE_CHANNEL, field -> {
            switch (field.name()) {
                case "apiName" -> channel.apiName = text(field);
                case "label" -> channel.label = text(field);
                default -> channel.urgent = bool(field, false);
            }
        })) {
            return null;
        }
        return new ServiceChannelDraft(channel.apiName, channel.label, channel.urgent);
    }

    private PresenceStatusDraft presenceStatus(Slot element) throws IOException {
        var status = new Object() {
            String apiName;
            String label;
            PresenceOption option;
            java.util.List<String> channels = java.util.List.of();
            String salesforceId;
        };
        if (!object(element, PRESENCE_STATUS, field -> {
            switch (field.name()) {
                case "apiName" -> status.apiName = text(field);
                case "label" -> status.label = text(field);
                case "option" -> status.option = choice(field, PresenceOption.class, "presence status option");
                case "channels" -> status.channels = texts(field);
                default -> status.salesforceId = text(field);
            }
        })) {
            return null;
        }
        return new PresenceStatusDraft(
                status.apiName,
                status.label,
                status.option,
                List.ofAll(status.channels),
                Option.of(status.salesforceId));
    }

    private AccessGrantDraft grant(Slot element) throws IOException {
        var grant = new Object() {
            String name;
            java.util.List<String> statuses = java.util.List.of();
        };
        if (!object(element, GRANT, field -> {
            if (field.name().equals("name")) {
                grant.name = text(field);
            } else {
                grant.statuses = texts(field);
            }
        })) {
            return null;
        }
        return new AccessGrantDraft(grant.name, List.ofAll(grant.statuses));
    }

    private PresenceConfigurationDraft presenceConfiguration(Slot element) throws IOException {
        var configuration = new Object() {
            String name;
            int capacity;
            java.util.List<String> profiles = java.util.List.of();
            java.util.List<String> users = java.util.List.of();
            String statusOnDecline;
            String statusOnPushTimeout;
        };
        if (!object(element, PRESENCE_CONFIGURATION, field -> {
            switch (field.name()) {
                case "name" -> configuration.name = text(field);
                case "capacity" -> configuration.capacity = whole(field);
                case "profiles" -> configuration.profiles = texts(field);
                case "users" -> configuration.users = texts(field);
                case "statusOnDecline" -> configuration.statusOnDecline = text(field);
                default -> configuration.statusOnPushTimeout = text(field);
            }
        })) {
            return null;
        }
        return new PresenceConfigurationDraft(
                configuration.name,
                configuration.capacity,
                List.ofAll(configuration.profiles),
                List.ofAll(configuration.users),
                Option.of(configuration.statusOnDecline),
                Option.of(configuration.statusOnPushTimeout));
    }

    /** One agent of possibly a million: the values agents share are kept once. */
    private AgentDraft agent(Slot element) throws IOException {
        var agent = new Object() {
            String id;
            String talkdeskUserId;
            String salesforceUserId;
            String profile;
            java.util.List<String> permissionSets = java.util.List.of();
            String talkdeskStatus;
            String omniStatus;
        };
        if (!object(element, AGENT, field -> {
            switch (field.name()) {
                case "id" -> agent.id = text(field);
                case "talkdeskUserId" -> agent.talkdeskUserId = text(field);
                case "salesforceUserId" -> agent.salesforceUserId = text(field);
                case "profile" -> agent.profile = shared(text(field));
                case "permissionSets" -> agent.permissionSets = texts(field);
                case "talkdeskStatus" -> agent.talkdeskStatus = shared(text(field));
                default -> agent.omniStatus = shared(text(field));
            }
        })) {
            return null;
        }
        return new AgentDraft(
                agent.id,
                agent.talkdeskUserId,
                agent.salesforceUserId,
                agent.profile,
                agent.permissionSets.isEmpty() ? List.empty() : List.ofAll(agent.permissionSets),
                agent.talkdeskStatus,
                agent.omniStatus);
    }

    private ConfigurationDraft.Integration integration(Slot section) throws IOException {
        var integration = new Object() {
            boolean sync;
            boolean returnToPrevious;
            java.util.LinkedHashMap<String, String> omniToTalkdesk = new java.util.LinkedHashMap<>();
            java.util.LinkedHashMap<String, String> talkdeskToOmni = new java.util.LinkedHashMap<>();
            BusinessHoursDraft hours;
            java.util.List<RuleDraft> rules = java.util.List.of();
            java.util.LinkedHashMap<String, AutomaticChange> automatic = new java.util.LinkedHashMap<>();
        };
        if (!object(section, INTEGRATION, field -> {
            switch (field.name()) {
                case "omniChannelSync" -> integration.sync = bool(field, false);
                case "returnToPreviousStatusAfterCall" -> integration.returnToPrevious = bool(field, false);
                case "omniToTalkdesk" -> integration.omniToTalkdesk = table(field, this::text);
                case "talkdeskToOmni" -> integration.talkdeskToOmni = table(field, this::text);
                case "businessHours" -> integration.hours = businessHours(field);
                case "presenceSyncRules" -> integration.rules = list(field, this::rule);
                default ->
                    integration.automatic = table(
                            field, entry -> choice(entry, AutomaticChange.class, "automatic status change handling"));
            }
        })) {
            return null;
        }
        return new ConfigurationDraft.Integration(
                integration.sync,
                integration.returnToPrevious,
                LinkedHashMap.ofAll(integration.omniToTalkdesk),
                LinkedHashMap.ofAll(integration.talkdeskToOmni),
                Option.of(integration.hours),
                List.ofAll(integration.rules),
                LinkedHashMap.ofAll(integration.automatic));
    }

    private BusinessHoursDraft businessHours(Slot slot) throws IOException {
        var hours = new Object() {
            ZoneId timeZone;
            java.util.List<DayOfWeek> days = java.util.List.of();
            LocalTime start;
            LocalTime end;
        };
        if (!object(slot, BUSINESS_HOURS, field -> {
            switch (field.name()) {
                case "timeZone" -> hours.timeZone = parsed(field, ZoneId::of, "a time zone such as Europe/Lisbon");
                case "days" -> hours.days = list(field, day -> choice(day, DayOfWeek.class, "day"));
                case "start" -> hours.start = parsed(field, LocalTime::parse, "a time such as 08:00");
                default -> hours.end = parsed(field, LocalTime::parse, "a time such as 20:00");
            }
        })) {
            return null;
        }
        return new BusinessHoursDraft(hours.timeZone, List.ofAll(hours.days), hours.start, hours.end);
    }

    private RuleDraft rule(Slot element) throws IOException {
        var rule = new Object() {
            String name;
            boolean enabled = true;
            String trigger;
            java.util.List<ConditionDraft> conditions = java.util.List.of();
            String logic;
            ActionDraft action;
        };
        if (!object(element, RULE, field -> {
            switch (field.name()) {
                case "name" -> rule.name = text(field);
                case "enabled" -> rule.enabled = bool(field, true);
                case "trigger" -> rule.trigger = text(field);
                case "conditions" -> rule.conditions = list(field, this::condition);
                case "logic" -> rule.logic = text(field);
                default -> rule.action = action(field);
            }
        })) {
            return null;
        }
        return new RuleDraft(
                rule.name, rule.enabled, rule.trigger, List.ofAll(rule.conditions), rule.logic, rule.action);
    }

    private ConditionDraft condition(Slot element) throws IOException {
        Object[] condition = new Object[3];
        if (!object(element, CONDITION, field -> {
            switch (field.name()) {
                case "left" -> condition[0] = text(field);
                case "operator" -> condition[1] = text(field);
                default -> condition[2] = literal(field);
            }
        })) {
            return null;
        }
        return new ConditionDraft((String) condition[0], (String) condition[1], condition[2]);
    }

    private ActionDraft action(Slot slot) throws IOException {
        String[] action = new String[2];
        if (!object(slot, ACTION, field -> {
            if (field.name().equals("system")) {
                action[0] = text(field);
            } else {
                action[1] = text(field);
            }
        })) {
            return null;
        }
        return new ActionDraft(action[0], action[1]);
    }

    private ConfigurationDraft.VendorsDraft vendors(Slot section) throws IOException {
        var vendors = new Object() {
            ConfigurationDraft.TalkdeskVendorDraft talkdesk;
            ConfigurationDraft.OmniChannelVendorDraft omniChannel;
        };
        if (!object(section, VENDORS, field -> {
            if (field.name().equals("talkdesk")) {
                vendors.talkdesk = talkdeskVendor(field);
            } else {
                vendors.omniChannel = omniChannelVendor(field);
            }
        })) {
            return null;
        }
        return new ConfigurationDraft.VendorsDraft(Option.of(vendors.talkdesk), Option.of(vendors.omniChannel));
    }

    private ConfigurationDraft.TalkdeskVendorDraft talkdeskVendor(Slot slot) throws IOException {
        var vendor = new Object() {
            String apiBaseUrl;
            String tokenUrl;
            java.util.List<String> scopes = java.util.List.of();
        };
        if (!object(slot, TALKDESK_VENDOR, field -> {
            switch (field.name()) {
                case "apiBaseUrl" -> vendor.apiBaseUrl = text(field);
                case "tokenUrl" -> vendor.tokenUrl = text(field);
                default -> vendor.scopes = texts(field);
            }
        })) {
            return null;
        }
        return new ConfigurationDraft.TalkdeskVendorDraft(
                vendor.apiBaseUrl, vendor.tokenUrl, List.ofAll(vendor.scopes));
    }

    private ConfigurationDraft.OmniChannelVendorDraft omniChannelVendor(Slot slot) throws IOException {
        java.util.List<java.util.List<String>> origins = new ArrayList<>(java.util.List.of(java.util.List.of()));
        if (!object(slot, OMNI_CHANNEL_VENDOR, field -> origins.set(0, texts(field)))) {
            return null;
        }
        return new ConfigurationDraft.OmniChannelVendorDraft(List.ofAll(origins.get(0)));
    }

    // ---- the shapes of values ----------------------------------------------------------------

    /** A value and where it is: a field (at its name) or a list element (where it starts). */
    private record Slot(Where where, int node, int line, int column, JsonToken token) {
        Slot(Where where, int node, JsonLocation at, JsonToken token) {
            this(where, node, at.getLineNr(), at.getColumnNr(), token);
        }

        String name() {
            return where.field;
        }
    }

    @FunctionalInterface
    private interface FieldReader {
        void read(Slot field) throws IOException;
    }

    @FunctionalInterface
    private interface ValueReader<T> {
        T read(Slot value) throws IOException;
    }

    /**
     * The object at {@code slot}, field by field. Absent (null) when the file writes null there,
     * which reads as a missing object; absent with an error when it is not an object. An unknown
     * field or one written twice is an error, and its value is skipped.
     */
    private boolean object(Slot slot, Fields known, FieldReader reader) throws IOException {
        if (slot.token == JsonToken.VALUE_NULL) {
            return false;
        }
        if (slot.token != JsonToken.START_OBJECT) {
            wrongType(slot, "an object");
            return false;
        }
        fields(slot, known, reader);
        return true;
    }

    private void fields(Slot object, Fields known, FieldReader reader) throws IOException {
        long seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            Where where = object.where.field(name);
            int which = known.indexOf(name);
            if (which < 0) {
                error(
                        at.getLineNr(),
                        at.getColumnNr(),
                        where,
                        "unknown field '" + name + "' " + LineIndex.where(object.where.toString()) + " (known: "
                                + known.listed + ")");
                parser.skipChildren();
            } else if ((seen & 1L << which) != 0) {
                duplicate(at, object.where, name);
                parser.skipChildren();
            } else {
                seen |= 1L << which;
                reader.read(new Slot(where, index.add(object.node, name, at.getLineNr(), at.getColumnNr()), at, value));
            }
        }
    }

    /** A mapping table: names to values, in the order written; a null or a value of the wrong type is an error. */
    private <T> java.util.LinkedHashMap<String, T> table(Slot slot, ValueReader<T> value) throws IOException {
        java.util.LinkedHashMap<String, T> table = new java.util.LinkedHashMap<>();
        if (slot.token == JsonToken.VALUE_NULL) {
            return table;
        }
        if (slot.token != JsonToken.START_OBJECT) {
            wrongType(slot, "an object of names");
            return table;
        }
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            JsonToken token = parser.nextToken();
            if (!seen.add(name)) {
                duplicate(at, slot.where, name);
                parser.skipChildren();
                continue;
            }
            Slot entry = new Slot(
                    slot.where.field(name), index.add(slot.node, name, at.getLineNr(), at.getColumnNr()), at, token);
            if (token == JsonToken.VALUE_NULL) {
                notNull(entry);
                continue;
            }
            T read = value.read(entry);
            if (read != null) {
                table.put(name, read);
            }
        }
        return table;
    }

    /** A list; each element has its line even when it is wrong, so that the elements after it keep their index. */
    private <T> java.util.List<T> list(Slot slot, ValueReader<T> element) throws IOException {
        if (slot.token == JsonToken.VALUE_NULL) {
            return java.util.List.of();
        }
        if (slot.token != JsonToken.START_ARRAY) {
            wrongType(slot, "a list");
            return java.util.List.of();
        }
        java.util.List<T> list = new ArrayList<>();
        JsonToken token;
        for (int i = 0; (token = parser.nextToken()) != JsonToken.END_ARRAY; i++) {
            JsonLocation at = parser.currentTokenLocation();
            Slot value = new Slot(
                    slot.where.element(i), index.add(slot.node, null, at.getLineNr(), at.getColumnNr()), at, token);
            if (token == JsonToken.VALUE_NULL) {
                notNull(value);
                continue;
            }
            T read = element.read(value);
            if (read != null) {
                list.add(read);
            }
        }
        return list;
    }

    private java.util.List<String> texts(Slot slot) throws IOException {
        return list(slot, value -> shared(text(value)));
    }

    private String text(Slot slot) throws IOException {
        if (slot.token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (slot.token != JsonToken.VALUE_NULL) {
            wrongType(slot, "text");
        }
        return null;
    }

    private boolean bool(Slot slot, boolean otherwise) throws IOException {
        if (slot.token == JsonToken.VALUE_TRUE || slot.token == JsonToken.VALUE_FALSE) {
            return slot.token == JsonToken.VALUE_TRUE;
        }
        if (slot.token != JsonToken.VALUE_NULL) {
            wrongType(slot, "true or false");
        }
        return otherwise;
    }

    /** A whole number that fits an int; null reads as 0, which the domain then finds out of range. */
    private int whole(Slot slot) throws IOException {
        if (slot.token == JsonToken.VALUE_NUMBER_INT) {
            if (parser.getNumberType() == JsonParser.NumberType.INT) {
                return parser.getIntValue();
            }
            error(slot, "number out of range at " + slot.where + ": the number " + Messages.shorten(parser.getText()));
        } else if (slot.token != JsonToken.VALUE_NULL) {
            wrongType(slot, "a whole number");
        }
        return 0;
    }

    /** A condition compares with an operand name, a text or a number (SPEC section 9); nothing else. */
    private Object literal(Slot slot) throws IOException {
        return switch (slot.token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_NULL -> null;
            default -> {
                wrongType(slot, "an operand name, a text or a number");
                yield null;
            }
        };
    }

    private <E extends Enum<E>> E choice(Slot slot, Class<E> type, String what) throws IOException {
        String text = text(slot);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            error(
                    slot,
                    "unknown " + what + " '" + text + "' at " + slot.where + "; one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
            return null;
        }
    }

    private <T> T parsed(Slot slot, Function<String, T> parse, String expected) throws IOException {
        String text = text(slot);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (DateTimeException e) {
            error(slot, "'" + text + "' at " + slot.where + " is not " + expected);
            return null;
        }
    }

    /** The same value from every agent that writes it, kept once (a profile, a status): a million agents share a few. */
    private String shared(String value) {
        if (value == null || shared.size() >= MOST_SHARED_VALUES) {
            return value;
        }
        String first = shared.putIfAbsent(value, value);
        return first == null ? value : first;
    }

    // ---- errors ------------------------------------------------------------------------------

    private void wrongType(Slot slot, String expected) throws IOException {
        error(
                slot,
                "wrong type at " + slot.where + ": expected " + expected + ", found "
                        + LineIndex.describe(slot.token, parser));
        parser.skipChildren();
    }

    private void notNull(Slot slot) {
        error(slot, "null is not allowed at " + slot.where + ": write a value, or leave the element out");
    }

    private void duplicate(JsonLocation at, Where object, String name) {
        error(
                at.getLineNr(),
                at.getColumnNr(),
                object.field(name),
                "duplicate field '" + name + "' " + LineIndex.where(object.toString())
                        + ": each field may be written once");
    }

    private void error(Slot slot, String message) {
        error(slot.line, slot.column, slot.where, message);
    }

    private void error(int line, int column, Where where, String message) {
        if (errors.size() < MOST_ERRORS) {
            errors.add(new LineIndex.Located(line, column, where.toString(), message));
        } else {
            unlisted++;
        }
    }

    /** The fields an object may have, and how an error lists them. */
    private static final class Fields {
        private final String[] names;
        final String listed;

        Fields(String... names) {
            this.names = names;
            this.listed = Arrays.stream(names).sorted().collect(Collectors.joining(", "));
        }

        int indexOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Where a value is, in the domain's syntax ({@code agents[3].permissionSets[0]}); written out only
     * when a message needs it.
     */
    private static final class Where {
        static final Where TOP = new Where(null, null, -1);

        final Where parent;
        final String field;
        final int index;

        private Where(Where parent, String field, int index) {
            this.parent = parent;
            this.field = field;
            this.index = index;
        }

        Where field(String name) {
            return new Where(this, name, -1);
        }

        Where element(int at) {
            return new Where(this, null, at);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            String above = parent.toString();
            if (field == null) {
                return above + "[" + index + "]";
            }
            return above.isEmpty() ? field : above + "." + field;
        }
    }
}
