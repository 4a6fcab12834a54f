package io.omnisync.adapters.kafka.codec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.event.EventId;
import io.omnisync.domain.event.OmniReason;
import io.omnisync.domain.event.VendorSystem;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.settings.Refusal;
import io.omnisync.domain.settings.RefusalCode;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.sync.Command;
import io.omnisync.domain.sync.CommandFailure;
import io.omnisync.domain.sync.Fact;
import io.omnisync.domain.sync.SkipReason;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * The values of the facts topic, version {@value #VERSION}: an entry of the audit trail in the shape the admin
 * API answers ({@code {"at", "kind", "reason", "message", ...}}, SPEC 10.3), with every field the fact has, so
 * it reads back whole.
 *
 * <pre>
 * {"v":1,"kind":"command","at":"...","agent":"maria","configurationVersion":12,"reason":"MAPPING",
 *  "message":"Omni-Channel set to 'Lunch_Break' (mapping)","system":"omni","status":"Lunch_Break","because":"MAPPING"}
 * {"v":1,"kind":"skipped","at":"...","agent":"maria","configurationVersion":12,"reason":"ECHO","message":"...",
 *  "system":"omni","status":"Lunch_Break","event":"c-17","because":"REPORT"}
 * </pre>
 *
 * Kinds: {@code command}, {@code skipped}, {@code remembered}, {@code refused} (a vendor refused a command),
 * {@code superseded}, {@code expired}, {@code adminRefused}, {@code settings}, {@code rule},
 * {@code configuration} (reason {@code CONFIGURATION_APPLIED} or {@code CONFIGURATION_REJECTED}) and
 * {@code unreadable} (a record of the events topic that could not be used).
 */
public final class FactCodec {

    /** Version 2 added {@code omniReason}: the toolkit's reason for the Omni report a fact is about (SPEC 4.10). */
    public static final int VERSION = 2;

    static final String CONFIGURATION_APPLIED = "CONFIGURATION_APPLIED";
    static final String CONFIGURATION_REJECTED = "CONFIGURATION_REJECTED";

    @JsonPropertyOrder({
        "v",
        "kind",
        "at",
        "agent",
        "configurationVersion",
        "reason",
        "message",
        "system",
        "status",
        "target",
        "event",
        "because",
        "rule",
        "failure",
        "by",
        "settings",
        "name",
        "enabled",
        "problems",
        "topic",
        "partition",
        "offset",
        "omniReason"
    })
    record FactJson(
            Integer v,
            String kind,
            String at,
            String agent,
            Long configurationVersion,
            String reason,
            String message,
            String system,
            String status,
            String target,
            String event,
            String because,
            String rule,
            String failure,
            CommandJson by,
            SettingsJson settings,
            String name,
            Boolean enabled,
            java.util.List<ProblemJson> problems,
            String topic,
            Integer partition,
            Long offset,
            String omniReason) {

        static FactJson of(String kind, Instant at, long version, String reason, String message) {
            return new FactJson(
                    VERSION,
                    kind,
                    at.toString(),
                    null,
                    version,
                    reason,
                    message,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        FactJson agent(String value) {
            return new FactJson(
                    v,
                    kind,
                    at,
                    value,
                    configurationVersion,
                    reason,
                    message,
                    system,
                    status,
                    target,
                    event,
                    because,
                    rule,
                    failure,
                    by,
                    settings,
                    name,
                    enabled,
                    problems,
                    topic,
                    partition,
                    offset,
                    omniReason);
        }

        /** The Omni-Channel toolkit's reason for the report the fact is about (SPEC 4.10), when it has one. */
        FactJson omniReason(Option<OmniReason> reported) {
            return new FactJson(
                    v,
                    kind,
                    at,
                    agent,
                    configurationVersion,
                    reason,
                    message,
                    system,
                    status,
                    target,
                    event,
                    because,
                    rule,
                    failure,
                    by,
                    settings,
                    name,
                    enabled,
                    problems,
                    topic,
                    partition,
                    offset,
                    reported.map(OmniReason::wireName).getOrNull());
        }

        FactJson about(String inSystem, String withStatus, String towards, String onEvent) {
            return new FactJson(
                    v,
                    kind,
                    at,
                    agent,
                    configurationVersion,
                    reason,
                    message,
                    inSystem,
                    withStatus,
                    towards,
                    onEvent,
                    because,
                    rule,
                    failure,
                    by,
                    settings,
                    name,
                    enabled,
                    problems,
                    topic,
                    partition,
                    offset,
                    omniReason);
        }

        FactJson because(String origin, String ruleName) {
            return new FactJson(
                    v,
                    kind,
                    at,
                    agent,
                    configurationVersion,
                    reason,
                    message,
                    system,
                    status,
                    target,
                    event,
                    origin,
                    ruleName,
                    failure,
                    by,
                    settings,
                    name,
                    enabled,
                    problems,
                    topic,
                    partition,
                    offset,
                    omniReason);
        }

        FactJson command(Command command) {
            CommandJson json = CommandJson.of(command);
            return agent(json.agent())
                    .about(json.system(), json.status(), null, null)
                    .because(json.because(), json.rule());
        }

        FactJson failure(String value, CommandJson supersededBy) {
            return new FactJson(
                    v,
                    kind,
                    at,
                    agent,
                    configurationVersion,
                    reason,
                    message,
                    system,
                    status,
                    target,
                    event,
                    because,
                    rule,
                    value,
                    supersededBy,
                    settings,
                    name,
                    enabled,
                    problems,
                    topic,
                    partition,
                    offset,
                    omniReason);
        }

        FactJson settings(SettingsJson value) {
            return new FactJson(
                    v,
                    kind,
                    at,
                    agent,
                    configurationVersion,
                    reason,
                    message,
                    system,
                    status,
                    target,
                    event,
                    because,
                    rule,
                    failure,
                    by,
                    value,
                    name,
                    enabled,
                    problems,
                    topic,
                    partition,
                    offset,
                    omniReason);
        }

        FactJson rule(String ruleName, boolean isEnabled) {
            return new FactJson(
                    v,
                    kind,
                    at,
                    agent,
                    configurationVersion,
                    reason,
                    message,
                    system,
                    status,
                    target,
                    event,
                    because,
                    rule,
                    failure,
                    by,
                    settings,
                    ruleName,
                    isEnabled,
                    problems,
                    topic,
                    partition,
                    offset,
                    omniReason);
        }

        FactJson problems(Seq<Problem> listed) {
            return new FactJson(
                    v,
                    kind,
                    at,
                    agent,
                    configurationVersion,
                    reason,
                    message,
                    system,
                    status,
                    target,
                    event,
                    because,
                    rule,
                    failure,
                    by,
                    settings,
                    name,
                    enabled,
                    listed.map(ProblemJson::of).toJavaList(),
                    topic,
                    partition,
                    offset,
                    omniReason);
        }

        FactJson where(String inTopic, int inPartition, long atOffset) {
            return new FactJson(
                    v,
                    kind,
                    at,
                    agent,
                    configurationVersion,
                    reason,
                    message,
                    system,
                    status,
                    target,
                    event,
                    because,
                    rule,
                    failure,
                    by,
                    settings,
                    name,
                    enabled,
                    problems,
                    inTopic,
                    inPartition,
                    atOffset,
                    omniReason);
        }
    }

    @JsonPropertyOrder({"omniChannelSync", "returnToPreviousStatusAfterCall", "nextAgentStatus"})
    record SettingsJson(Boolean omniChannelSync, Boolean returnToPreviousStatusAfterCall, Boolean nextAgentStatus) {
        static SettingsJson of(IntegrationSettings settings) {
            return new SettingsJson(
                    settings.omniChannelSync(), settings.returnToPreviousStatusAfterCall(), settings.nextAgentStatus());
        }

        Either<String, IntegrationSettings> settings() {
            return Fields.required(omniChannelSync, "settings.omniChannelSync")
                    .flatMap(sync -> Fields.required(
                            returnToPreviousStatusAfterCall, "settings.returnToPrevious" + "StatusAfterCall"))
                    .flatMap(back -> Fields.required(nextAgentStatus, "settings.nextAgentStatus"))
                    .map(next -> new IntegrationSettings(omniChannelSync, returnToPreviousStatusAfterCall, next));
        }
    }

    /** {@code validate}'s object: {@code {"severity", "code", "path", "message"}}. */
    @JsonPropertyOrder({"severity", "code", "path", "message"})
    record ProblemJson(String severity, String code, String path, String message) {
        static ProblemJson of(Problem problem) {
            return new ProblemJson(problem.severity().name(), problem.code().name(), problem.path(), problem.message());
        }

        Either<String, Problem> problem(String field) {
            return Fields.enumeration(code, ProblemCode.class, field + ".code")
                    .flatMap(known -> Fields.required(path, field + ".path")
                            .flatMap(where -> Fields.required(message, field + ".message")
                                    .map(sentence -> new Problem(known, where, sentence))));
        }
    }

    private FactCodec() {}

    public static byte[] encode(FactRecord record) {
        return Json.write(json(record));
    }

    static FactJson json(FactRecord record) {
        if (record instanceof FactRecord.Unused unused) {
            return FactJson.of(
                            "unreadable",
                            unused.at(),
                            unused.configurationVersion(),
                            unused.why().code(),
                            unused.why().message())
                    .agent(unused.key().getOrNull())
                    .where(unused.topic(), unused.partition(), unused.offset());
        }
        FactRecord.Decided decided = (FactRecord.Decided) record;
        return fact(decided.fact(), decided.at(), decided.configurationVersion())
                .omniReason(decided.fact().omniReason());
    }

    private static FactJson fact(Fact fact, Instant at, long version) {
        if (fact instanceof Fact.Synced synced) {
            Command command = synced.command();
            return FactJson.of(
                            "command",
                            at,
                            version,
                            command.because().origin().name(),
                            name(command.system()) + " set to '" + command.statusName() + "' (" + command.because()
                                    + ")")
                    .command(command);
        }
        if (fact instanceof Fact.Skipped skipped) {
            return FactJson.of("skipped", at, version, skipped.reason().name(), skipped.detail())
                    .agent(skipped.agent().value())
                    .about(
                            skipped.system().wireName(),
                            skipped.status().getOrNull(),
                            skipped.target().getOrNull(),
                            skipped.event().map(EventId::value).getOrNull())
                    .because(
                            skipped.because().origin().name(),
                            skipped.because().rule().getOrNull());
        }
        if (fact instanceof Fact.StatusRemembered remembered) {
            return FactJson.of(
                            "remembered",
                            at,
                            version,
                            "RETURN_AFTER_CALL",
                            "remembers Omni-Channel '" + remembered.status().wireName()
                                    + "' to return to after the call")
                    .agent(remembered.agent().value())
                    .about(null, remembered.status().wireName(), null, null);
        }
        if (fact instanceof Fact.CommandFailed failed) {
            return FactJson.of(
                            "refused",
                            at,
                            version,
                            failed.failure().name(),
                            name(failed.command().system()) + " refused '"
                                    + failed.command().statusName() + "': " + failed.reason())
                    .command(failed.command())
                    .failure(failed.reason(), null);
        }
        if (fact instanceof Fact.Superseded superseded) {
            return FactJson.of(
                            "superseded",
                            at,
                            version,
                            "SUPERSEDED",
                            "'" + superseded.command().statusName() + "' was never sent to "
                                    + name(superseded.command().system()) + ": '"
                                    + superseded.by().statusName() + "' came after it")
                    .command(superseded.command())
                    .failure(null, CommandJson.of(superseded.by()));
        }
        if (fact instanceof Fact.Expired expired) {
            return FactJson.of(
                            "expired",
                            at,
                            version,
                            "EXPIRED",
                            "no console took '" + expired.command().statusName()
                                    + "' in time; Omnisync stopped waiting for it")
                    .command(expired.command());
        }
        if (fact instanceof Fact.Refused refused) {
            return FactJson.of(
                    "adminRefused",
                    at,
                    version,
                    refused.refusal().code().name(),
                    refused.refusal().message());
        }
        if (fact instanceof Fact.SettingsChanged changed) {
            return FactJson.of("settings", at, version, "SETTINGS_CHANGED", "settings are now " + changed.settings())
                    .settings(SettingsJson.of(changed.settings()));
        }
        if (fact instanceof Fact.RuleToggled toggled) {
            return FactJson.of(
                            "rule",
                            at,
                            version,
                            "RULE_TOGGLED",
                            "rule '" + toggled.rule() + "' " + (toggled.enabled() ? "enabled" : "disabled"))
                    .rule(toggled.rule(), toggled.enabled());
        }
        if (fact instanceof Fact.ConfigurationApplied applied) {
            return FactJson.of(
                            "configuration",
                            at,
                            version,
                            CONFIGURATION_APPLIED,
                            "a configuration was applied with "
                                    + applied.warnings().size() + " warning(s)")
                    .problems(applied.warnings());
        }
        Fact.ConfigurationRejected rejected = (Fact.ConfigurationRejected) fact;
        return FactJson.of(
                        "configuration",
                        at,
                        version,
                        CONFIGURATION_REJECTED,
                        "a configuration was rejected with "
                                + rejected.problems().size() + " problem(s)")
                .problems(rejected.problems());
    }

    /** A refusal's kind ({@code reason}); a record without one, or with one a newer release added, is a refusal. */
    private static CommandFailure failureOf(String reason) {
        for (CommandFailure known : CommandFailure.values()) {
            if (known.name().equals(reason)) {
                return known;
            }
        }
        return CommandFailure.REFUSED;
    }

    public static Either<String, FactRecord> decode(byte[] bytes) {
        return Json.read(bytes, FactJson.class)
                .flatMap(json -> Versions.check(json.v()).map(version -> json))
                .flatMap(json -> Fields.required(json.kind(), "kind")
                        .flatMap(kind -> Fields.instant(json.at(), "at").flatMap(at -> record(json, kind, at))));
    }

    private static Either<String, FactRecord> record(FactJson json, String kind, Instant at) {
        long version = json.configurationVersion() == null ? ConfigurationRecord.NONE : json.configurationVersion();
        if (kind.equals("unreadable")) {
            return Fields.required(json.reason(), "reason")
                    .flatMap(code -> Fields.required(json.topic(), "topic")
                            .map(topic -> new FactRecord.Unused(
                                    Option.of(json.agent()),
                                    new Unreadable(code, json.message() == null ? "" : json.message()),
                                    topic,
                                    json.partition() == null ? 0 : json.partition(),
                                    json.offset() == null ? -1 : json.offset(),
                                    version,
                                    at)));
        }
        return fact(json, kind)
                .map(fact -> json.omniReason() == null
                        ? fact
                        : OmniReason.parse(json.omniReason())
                                .map(fact::reportedFor)
                                .getOrElse(fact))
                .map(fact -> new FactRecord.Decided(fact, version, at));
    }

    private static Either<String, Fact> fact(FactJson json, String kind) {
        return switch (kind) {
            case "command" -> command(json).map(Fact.Synced::new);
            case "skipped" -> skipped(json);
            case "remembered" ->
                Fields.required(json.agent(), "agent")
                        .flatMap(agent -> Fields.map(
                                json.status(),
                                "status",
                                status -> new Fact.StatusRemembered(AgentId.of(agent), OmniStatus.parse(status))));
            case "refused" ->
                command(json)
                        .flatMap(command -> Fields.map(
                                json.failure(),
                                "failure",
                                failure -> new Fact.CommandFailed(command, failure, failureOf(json.reason()))));
            case "superseded" ->
                command(json)
                        .flatMap(command -> Fields.required(json.by(), "by")
                                .flatMap(by -> by.toCommand("by"))
                                .map(by -> new Fact.Superseded(command, by)));
            case "expired" -> command(json).map(Fact.Expired::new);
            case "adminRefused" ->
                Fields.enumeration(json.reason(), RefusalCode.class, "reason")
                        .flatMap(code -> Fields.map(
                                json.message(), "message", message -> new Fact.Refused(new Refusal(code, message))));
            case "settings" ->
                Fields.required(json.settings(), "settings")
                        .flatMap(SettingsJson::settings)
                        .map(Fact.SettingsChanged::new);
            case "rule" ->
                Fields.required(json.name(), "name")
                        .flatMap(name ->
                                Fields.map(json.enabled(), "enabled", enabled -> new Fact.RuleToggled(name, enabled)));
            case "configuration" ->
                problems(json)
                        .flatMap(problems -> Fields.required(json.reason(), "reason")
                                .flatMap(reason -> switch (reason) {
                                    case CONFIGURATION_APPLIED -> Either.right(new Fact.ConfigurationApplied(problems));
                                    case CONFIGURATION_REJECTED ->
                                        Either.right(new Fact.ConfigurationRejected(problems));
                                    default ->
                                        Either.left("field 'reason': '" + reason + "' is not " + CONFIGURATION_APPLIED
                                                + " or " + CONFIGURATION_REJECTED);
                                }));
            default -> Either.left("kind '" + kind + "' is not one this release knows (version " + VERSION + ")");
        };
    }

    private static Either<String, Command> command(FactJson json) {
        return new CommandJson(json.agent(), json.system(), json.status(), json.because(), json.rule())
                .toCommand("command")
                .mapLeft(message -> message.replace("command.", ""));
    }

    private static Either<String, Fact> skipped(FactJson json) {
        return Fields.required(json.agent(), "agent")
                .flatMap(agent -> Fields.enumeration(json.reason(), SkipReason.class, "reason")
                        .flatMap(reason -> Fields.wireName(json.system(), VendorSystem.class, "system")
                                .flatMap(system -> CommandJson.because(json.because(), json.rule(), "because")
                                        .map(because -> new Fact.Skipped(
                                                AgentId.of(agent),
                                                reason,
                                                system,
                                                Option.of(json.status()),
                                                Option.of(json.target()),
                                                Option.of(json.event()).map(EventId::of),
                                                because)))));
    }

    private static Either<String, Seq<Problem>> problems(FactJson json) {
        if (json.problems() == null) {
            return Either.right(List.empty());
        }
        List<Problem> problems = List.empty();
        for (int i = 0; i < json.problems().size(); i++) {
            Either<String, Problem> problem = json.problems().get(i).problem("problems[" + i + "]");
            if (problem.isLeft()) {
                return Either.left(problem.getLeft());
            }
            problems = problems.append(problem.get());
        }
        return Either.right(problems);
    }

    private static String name(VendorSystem system) {
        return system == VendorSystem.TALKDESK ? "Talkdesk" : "Omni-Channel";
    }
}
