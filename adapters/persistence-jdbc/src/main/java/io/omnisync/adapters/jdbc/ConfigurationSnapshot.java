package io.omnisync.adapters.jdbc;

import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AccessGrantDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ActionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.AgentDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.BusinessHoursDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ConditionDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Integration;
import io.omnisync.domain.configuration.ConfigurationDraft.OmniChannel;
import io.omnisync.domain.configuration.ConfigurationDraft.OmniChannelVendorDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceConfigurationDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.PresenceStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.RuleDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.ServiceChannelDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.Talkdesk;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskPresenceDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskStatusDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.TalkdeskVendorDraft;
import io.omnisync.domain.configuration.ConfigurationDraft.VendorsDraft;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ProblemCode;
import io.omnisync.domain.settings.AutomaticChange;
import io.omnisync.domain.status.PresenceOption;
import io.omnisync.domain.status.TalkdeskStatusType;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Properties;

/**
 * The running configuration in a compact binary form a store keeps beside its JSON, so that a
 * restart neither decodes the JSON again nor validates it again: with a million agents those take
 * most of half a minute, reading this takes about a second.
 *
 * <p>What it holds is the configuration's draft (the configuration as written, with its run-time
 * settings) and the warnings validation found, behind a header naming this format and the Omnisync
 * version that wrote it, and a CRC-32 of the whole. It is written only from a {@link Configuration},
 * which exists only once validated, so reading it back builds the configuration with {@link
 * Configuration#trusted} without validating it again. A snapshot of another version (whose
 * validator may have been another), or one that does not read whole, gives no configuration: the
 * store then reads its JSON and validates it, as it always did.
 */
public final class ConfigurationSnapshot {

    /** Bump when the layout below changes. */
    private static final int FORMAT = 1;

    private static final byte[] MAGIC = "OMNISYNC-CONFIGURATION".getBytes(StandardCharsets.US_ASCII);

    /** This Omnisync's snapshots: the format and the version of the code that validated what they hold. */
    public static final String VERSION = "format " + FORMAT + " of omnisync " + omnisyncVersion();

    private ConfigurationSnapshot() {}

    /**
     * The snapshot of a configuration.
     *
     * @throws IllegalArgumentException when the draft holds what this format cannot keep (a rule
     *     operand that is neither text nor a number): the store then keeps no snapshot of it
     */
    public static byte[] write(Configuration configuration) {
        return write(configuration.draft(), configuration.warnings());
    }

    /** A draft and its warnings as a snapshot (what {@link #write(Configuration)} writes). */
    static byte[] write(ConfigurationDraft draft, Seq<Problem> warnings) {
        SnapshotOutput out = new SnapshotOutput();
        out.raw(MAGIC);
        out.varint(FORMAT);
        out.string(VERSION);
        draft(out, draft);
        out.seq(warnings, problem -> {
            out.name(problem.code());
            out.string(problem.path());
            out.string(problem.message());
        });
        return out.sealed();
    }

    /** The configuration a snapshot of this version holds, or why it gives none (then nothing of it is used). */
    public static Either<String, Configuration> read(byte[] snapshot) {
        // validated before it was saved (a Configuration exists only once validated): not validated again
        return readDraft(snapshot).map(read -> Configuration.trusted(read._1, read._2));
    }

    /** The draft and warnings a snapshot of this version holds, whole, or why it gives none. */
    static Either<String, Tuple2<ConfigurationDraft, Seq<Problem>>> readDraft(byte[] snapshot) {
        try {
            SnapshotInput in = new SnapshotInput(snapshot);
            if (!Arrays.equals(in.raw(MAGIC.length), MAGIC)) {
                return Either.left("it is not a configuration snapshot");
            }
            int format = in.varint();
            String version = in.string();
            if (format != FORMAT || !VERSION.equals(version)) {
                return Either.left("it was written as " + version + "; this is " + VERSION);
            }
            ConfigurationDraft draft = draft(in);
            Seq<Problem> warnings = in.seq(() -> new Problem(in.name(ProblemCode.class), in.text(), in.text()));
            in.atEnd();
            return Either.right(Tuple.of(draft, warnings));
        } catch (RuntimeException unreadable) {
            return Either.left("it does not read: " + unreadable.getMessage());
        }
    }

    // ---- the draft, field by field, in the order of ConfigurationDraft ------------------------

    private static void draft(SnapshotOutput out, ConfigurationDraft draft) {
        Talkdesk talkdesk = draft.talkdesk();
        out.seq(talkdesk.statuses(), status -> {
            out.string(status.id());
            out.string(status.name());
            out.name(status.type());
            out.option(status.presence(), presence -> {
                out.string(presence.status());
                out.option(presence.customStatusId(), out::string);
            });
        });
        out.bool(talkdesk.nextAgentStatus());
        OmniChannel omni = draft.omniChannel();
        out.seq(omni.serviceChannels(), channel -> {
            out.string(channel.apiName());
            out.string(channel.label());
            out.bool(channel.urgent());
        });
        out.seq(omni.presenceStatuses(), status -> {
            out.string(status.apiName());
            out.string(status.label());
            out.name(status.option());
            out.strings(status.channels());
            out.option(status.salesforceId(), out::string);
        });
        out.seq(omni.profiles(), grant -> grant(out, grant));
        out.seq(omni.permissionSets(), grant -> grant(out, grant));
        out.seq(omni.presenceConfigurations(), configuration -> {
            out.string(configuration.name());
            out.integer(configuration.capacity());
            out.strings(configuration.profiles());
            out.strings(configuration.users());
            out.option(configuration.statusOnDecline(), out::string);
            out.option(configuration.statusOnPushTimeout(), out::string);
        });
        out.seq(draft.agents(), agent -> {
            out.string(agent.id());
            out.string(agent.talkdeskUserId());
            out.string(agent.salesforceUserId());
            out.string(agent.profile());
            out.strings(agent.permissionSets());
            out.string(agent.talkdeskStatus());
            out.string(agent.omniStatus());
        });
        Integration integration = draft.integration();
        out.bool(integration.omniChannelSync());
        out.bool(integration.returnToPreviousStatusAfterCall());
        pairs(out, integration.omniToTalkdesk());
        pairs(out, integration.talkdeskToOmni());
        out.option(integration.businessHours(), hours -> {
            out.string(hours.timeZone() == null ? null : hours.timeZone().getId());
            out.seq(hours.days(), out::name);
            time(out, hours.start());
            time(out, hours.end());
        });
        out.seq(integration.presenceSyncRules(), rule -> {
            out.string(rule.name());
            out.bool(rule.enabled());
            out.string(rule.trigger());
            out.seq(rule.conditions(), condition -> {
                out.string(condition.left());
                out.string(condition.operator());
                operand(out, condition.right());
            });
            out.string(rule.logic());
            out.bool(rule.action() != null);
            if (rule.action() != null) {
                out.string(rule.action().system());
                out.string(rule.action().status());
            }
        });
        out.seq(integration.automaticStatusChanges().toList(), change -> {
            out.string(change._1);
            out.name(change._2);
        });
        out.option(draft.vendors(), vendors -> {
            out.option(vendors.talkdesk(), talkdeskVendor -> {
                out.string(talkdeskVendor.apiBaseUrl());
                out.string(talkdeskVendor.tokenUrl());
                out.strings(talkdeskVendor.scopes());
            });
            out.option(vendors.omniChannel(), omniVendor -> out.strings(omniVendor.consoleOrigins()));
        });
    }

    private static ConfigurationDraft draft(SnapshotInput in) {
        Seq<TalkdeskStatusDraft> statuses = in.seq(() -> new TalkdeskStatusDraft(
                in.string(),
                in.string(),
                in.name(TalkdeskStatusType.class),
                in.option(() -> new TalkdeskPresenceDraft(in.string(), in.option(in::string)))));
        Talkdesk talkdesk = new Talkdesk(statuses, in.bool());
        Seq<ServiceChannelDraft> channels = in.seq(() -> new ServiceChannelDraft(in.string(), in.string(), in.bool()));
        Seq<PresenceStatusDraft> presence = in.seq(() -> new PresenceStatusDraft(
                in.string(), in.string(), in.name(PresenceOption.class), in.strings(), in.option(in::string)));
        Seq<AccessGrantDraft> profiles = in.seq(() -> grant(in));
        Seq<AccessGrantDraft> permissionSets = in.seq(() -> grant(in));
        Seq<PresenceConfigurationDraft> configurations = in.seq(() -> new PresenceConfigurationDraft(
                in.string(), in.integer(), in.strings(), in.strings(), in.option(in::string), in.option(in::string)));
        OmniChannel omni = new OmniChannel(channels, presence, profiles, permissionSets, configurations);
        Seq<AgentDraft> agents = in.seq(() -> new AgentDraft(
                in.string(), in.string(), in.string(), in.string(), in.strings(), in.string(), in.string()));
        boolean sync = in.bool();
        boolean returnToPrevious = in.bool();
        LinkedHashMap<String, String> omniToTalkdesk = pairs(in);
        LinkedHashMap<String, String> talkdeskToOmni = pairs(in);
        var hours = in.option(() -> {
            String zone = in.string();
            return new BusinessHoursDraft(
                    zone == null ? null : ZoneId.of(zone), in.seq(() -> in.name(DayOfWeek.class)), time(in), time(in));
        });
        Seq<RuleDraft> rules = in.seq(() -> new RuleDraft(
                in.string(),
                in.bool(),
                in.string(),
                in.seq(() -> new ConditionDraft(in.string(), in.string(), operand(in))),
                in.string(),
                in.bool() ? new ActionDraft(in.string(), in.string()) : null));
        LinkedHashMap<String, AutomaticChange> automatic =
                LinkedHashMap.ofEntries(in.seq(() -> io.vavr.Tuple.of(in.string(), in.name(AutomaticChange.class))));
        var vendors = in.option(() -> new VendorsDraft(
                in.option(() -> new TalkdeskVendorDraft(in.string(), in.string(), in.strings())),
                in.option(() -> new OmniChannelVendorDraft(in.strings()))));
        return new ConfigurationDraft(
                talkdesk,
                omni,
                agents,
                new Integration(sync, returnToPrevious, omniToTalkdesk, talkdeskToOmni, hours, rules, automatic),
                vendors);
    }

    private static void grant(SnapshotOutput out, AccessGrantDraft grant) {
        out.string(grant.name());
        out.strings(grant.presenceStatuses());
    }

    private static AccessGrantDraft grant(SnapshotInput in) {
        return new AccessGrantDraft(in.string(), in.strings());
    }

    private static void pairs(SnapshotOutput out, LinkedHashMap<String, String> pairs) {
        out.seq(pairs.toList(), pair -> {
            out.string(pair._1);
            out.string(pair._2);
        });
    }

    private static LinkedHashMap<String, String> pairs(SnapshotInput in) {
        List<io.vavr.Tuple2<String, String>> pairs = in.seq(() -> io.vavr.Tuple.of(in.string(), in.string()));
        LinkedHashMap<String, String> map = LinkedHashMap.ofEntries(pairs);
        if (map.size() != pairs.size()) {
            throw new SnapshotInput.Unreadable("a key written twice in a mapping");
        }
        return map;
    }

    private static void time(SnapshotOutput out, LocalTime time) {
        out.bool(time != null);
        if (time != null) {
            out.longValue(time.toNanoOfDay());
        }
    }

    private static LocalTime time(SnapshotInput in) {
        return in.bool() ? LocalTime.ofNanoOfDay(in.longValue()) : null;
    }

    /** A rule's right-hand side: null, text, or a number of the type the JSON reader made of it. */
    private enum Operand {
        NONE,
        TEXT,
        INT,
        LONG,
        DOUBLE,
        BIG_INTEGER,
        BIG_DECIMAL
    }

    private static void operand(SnapshotOutput out, Object right) {
        if (right == null) {
            out.name(Operand.NONE);
        } else if (right instanceof String text) {
            out.name(Operand.TEXT);
            out.string(text);
        } else if (right instanceof Integer number) {
            out.name(Operand.INT);
            out.integer(number);
        } else if (right instanceof Long number) {
            out.name(Operand.LONG);
            out.longValue(number);
        } else if (right instanceof Double number) {
            out.name(Operand.DOUBLE);
            out.longValue(Double.doubleToRawLongBits(number));
        } else if (right instanceof BigInteger number) {
            out.name(Operand.BIG_INTEGER);
            out.string(number.toString());
        } else if (right instanceof BigDecimal number) {
            out.name(Operand.BIG_DECIMAL);
            out.string(number.toString());
        } else {
            throw new IllegalArgumentException(
                    "a rule operand of type " + right.getClass().getName()
                            + " has no snapshot form (text or a number of the JSON reader's types)");
        }
    }

    private static Object operand(SnapshotInput in) {
        Operand kind = in.name(Operand.class);
        if (kind == null) {
            throw new SnapshotInput.Unreadable("a rule operand without its kind");
        }
        return switch (kind) {
            case NONE -> null;
            case TEXT -> in.text();
            case INT -> Integer.valueOf(in.integer());
            case LONG -> Long.valueOf(in.longValue());
            case DOUBLE -> Double.valueOf(Double.longBitsToDouble(in.longValue()));
            case BIG_INTEGER -> new BigInteger(in.text());
            case BIG_DECIMAL -> new BigDecimal(in.text());
        };
    }

    private static String omnisyncVersion() {
        try (InputStream in = ConfigurationSnapshot.class.getResourceAsStream("omnisync-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
