package io.omnisync.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A snapshot gives back exactly the draft and warnings it was written from, whatever they hold
 * (any text, missing values, every kind of rule operand, empty and repeated lists), and a snapshot
 * altered anywhere, cut short, or of another version gives nothing rather than part of a draft.
 */
class ConfigurationSnapshotProperties {

    @Property(tries = 300)
    void a_snapshot_reads_back_the_draft_and_warnings_it_was_written_from(
            @ForAll("drafts") ConfigurationDraft draft, @ForAll("warnings") List<Problem> warnings) {
        Either<String, Tuple2<ConfigurationDraft, Seq<Problem>>> read =
                ConfigurationSnapshot.readDraft(ConfigurationSnapshot.write(draft, warnings));

        assertThat(read.isRight()).as("%s", read).isTrue();
        assertThat(read.get()._1).isEqualTo(draft);
        assertThat(read.get()._2).isEqualTo(warnings);
    }

    @Property(tries = 300)
    void a_snapshot_altered_in_any_byte_or_cut_short_gives_nothing(
            @ForAll("drafts") ConfigurationDraft draft,
            @ForAll("warnings") List<Problem> warnings,
            @ForAll double where,
            @ForAll boolean cut) {
        byte[] snapshot = ConfigurationSnapshot.write(draft, warnings);
        int at = (int) Math.floor(Math.abs(where % 1.0) * snapshot.length);
        byte[] damaged;
        if (cut) {
            damaged = java.util.Arrays.copyOf(snapshot, at);
        } else {
            damaged = snapshot.clone();
            damaged[at] ^= (byte) 0x5A;
        }

        assertThat(ConfigurationSnapshot.readDraft(damaged).isLeft()).isTrue();
    }

    // ---- generators ---------------------------------------------------------------------------

    /** Names, mostly from a small set (so strings repeat, as ids and statuses do), sometimes any text, or none. */
    private static Arbitrary<String> names() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("available", "Agent", "Online_Voice", "maria", "Voice", "")),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.<String>just(null)));
    }

    private static Arbitrary<String> present() {
        return Arbitraries.oneOf(
                Arbitraries.of("a", "b", "Ωmni", "😀"), Arbitraries.strings().ofMaxLength(8));
    }

    private static <T> Arbitrary<List<T>> lists(Arbitrary<T> each) {
        return each.list().ofMaxSize(4).map(List::ofAll);
    }

    private static Arbitrary<List<String>> texts() {
        return lists(present());
    }

    private static <T> Arbitrary<Option<T>> options(Arbitrary<T> each) {
        return Arbitraries.oneOf(Arbitraries.just(Option.<T>none()), each.map(Option::some));
    }

    private static Arbitrary<Object> operands() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                present().map(o -> (Object) o),
                Arbitraries.integers().map(o -> (Object) o),
                Arbitraries.longs().map(o -> (Object) o),
                Arbitraries.doubles().map(o -> (Object) o),
                Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(o -> (Object) o),
                Arbitraries.bigDecimals().ofScale(4).map(o -> (Object) (BigDecimal) o));
    }

    private static Arbitrary<LinkedHashMap<String, String>> mappings() {
        return Arbitraries.maps(present(), names()).ofMaxSize(5).map(LinkedHashMap::ofAll);
    }

    @Provide
    Arbitrary<List<Problem>> warnings() {
        return lists(Combinators.combine(Arbitraries.of(ProblemCode.class), present(), present())
                .as(Problem::new));
    }

    @Provide
    Arbitrary<ConfigurationDraft> drafts() {
        Arbitrary<TalkdeskStatusDraft> statuses = Combinators.combine(
                        names(),
                        names(),
                        Arbitraries.of(TalkdeskStatusType.class).injectNull(0.2),
                        options(Combinators.combine(names(), options(names())).as(TalkdeskPresenceDraft::new)))
                .as(TalkdeskStatusDraft::new);
        Arbitrary<Talkdesk> talkdesk = Combinators.combine(lists(statuses), Arbitraries.of(true, false))
                .as(Talkdesk::new);
        Arbitrary<PresenceStatusDraft> presence = Combinators.combine(
                        names(),
                        names(),
                        Arbitraries.of(PresenceOption.class).injectNull(0.2),
                        texts(),
                        options(present()))
                .as(PresenceStatusDraft::new);
        Arbitrary<AccessGrantDraft> grants =
                Combinators.combine(names(), texts()).as(AccessGrantDraft::new);
        Arbitrary<PresenceConfigurationDraft> configurations = Combinators.combine(
                        names(), Arbitraries.integers(), texts(), texts(), options(present()), options(present()))
                .as(PresenceConfigurationDraft::new);
        Arbitrary<OmniChannel> omni = Combinators.combine(
                        lists(Combinators.combine(names(), names(), Arbitraries.of(true, false))
                                .as(ServiceChannelDraft::new)),
                        lists(presence),
                        lists(grants),
                        lists(grants),
                        lists(configurations))
                .as(OmniChannel::new);
        Arbitrary<AgentDraft> agents = Combinators.combine(
                        names(), names(), names(), names(), texts(), present(), present())
                .as(AgentDraft::new);
        Arbitrary<BusinessHoursDraft> hours = Combinators.combine(
                        Arbitraries.of("Europe/Lisbon", "UTC", "America/Sao_Paulo")
                                .map(ZoneId::of)
                                .injectNull(0.2),
                        lists(Arbitraries.of(DayOfWeek.class)),
                        Arbitraries.longs()
                                .between(0, LocalTime.MAX.toNanoOfDay())
                                .map(LocalTime::ofNanoOfDay)
                                .injectNull(0.2),
                        Arbitraries.of(LocalTime.of(20, 0), LocalTime.MIDNIGHT).injectNull(0.2))
                .as(BusinessHoursDraft::new);
        Arbitrary<RuleDraft> rules = Combinators.combine(
                        names(),
                        Arbitraries.of(true, false),
                        names(),
                        lists(Combinators.combine(names(), names(), operands()).as(ConditionDraft::new)),
                        names(),
                        Combinators.combine(names(), names())
                                .as(ActionDraft::new)
                                .injectNull(0.2))
                .as(RuleDraft::new);
        Arbitrary<LinkedHashMap<String, AutomaticChange>> automatic = Arbitraries.maps(
                        present(), Arbitraries.of(AutomaticChange.class).injectNull(0.2))
                .ofMaxSize(3)
                .map(LinkedHashMap::ofAll);
        Arbitrary<Integration> integration = Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        mappings(),
                        mappings(),
                        options(hours),
                        lists(rules),
                        automatic)
                .as((sync, back, omniToTalkdesk, talkdeskToOmni, businessHours, syncRules, changes) ->
                        new Integration(sync, back, omniToTalkdesk, talkdeskToOmni, businessHours, syncRules, changes));
        Arbitrary<VendorsDraft> vendors = Combinators.combine(
                        options(Combinators.combine(names(), names(), texts()).as(TalkdeskVendorDraft::new)),
                        options(texts().map(OmniChannelVendorDraft::new)))
                .as(VendorsDraft::new);
        return Combinators.combine(talkdesk, omni, lists(agents), integration, options(vendors))
                .as(ConfigurationDraft::new);
    }
}
