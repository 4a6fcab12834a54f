package io.omnisync.adapters.kafka.topology;

import io.omnisync.adapters.kafka.codec.ConfigurationRecord;
import io.omnisync.adapters.kafka.codec.ConfigurationRecordCodec;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.engine.EngineState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The configuration the instance runs, as the global store holds it: one entry, the version (the record's
 * offset in the configuration topic) followed by the record. Validating a configuration of a hundred thousand
 * agents takes a while, so the validated one is kept here and read again only when the store's version moves.
 * One per topology, shared by its stream threads.
 */
public final class RunningConfiguration {

    /** The one key of the global store. */
    static final String KEY = "configuration";

    /** A validated configuration and its version. */
    public record Versioned(long version, Configuration configuration) {
        public Versioned {
            Objects.requireNonNull(configuration, "configuration");
        }
    }

    /** Before the first configuration: no agent, sync off (the in-process engine's empty state). */
    public static final Versioned NONE =
            new Versioned(ConfigurationRecord.NONE, EngineState.empty().configuration());

    private final ConfigurationRecordCodec codec;
    private final AtomicReference<Versioned> latest = new AtomicReference<>(NONE);

    RunningConfiguration(ConfigurationRecordCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * The configuration this instance runs now, read from its global store by an interactive query: what the
     * ingress stamps on the events it takes ({@code configurationVersion}), and where Talkdesk delivery finds the
     * agents.
     */
    public Versioned current(KafkaStreams streams) {
        return current(streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.CONFIGURATION, QueryableStoreTypes.<String, byte[]>keyValueStore())));
    }

    /** The configuration the global store holds now. */
    Versioned current(ReadOnlyKeyValueStore<String, byte[]> store) {
        byte[] stored = store.get(KEY);
        if (stored == null) {
            return NONE;
        }
        long version = version(stored);
        Versioned known = latest.get();
        if (known.version() == version) {
            return known;
        }
        byte[] value = Arrays.copyOfRange(stored, Long.BYTES, stored.length);
        Configuration configuration = codec.decode(value)
                .flatMap(record ->
                        Configuration.validate(record.draft()).toEither().mapLeft(problems -> problems.mkString("; ")))
                .getOrElseThrow(problem -> new IllegalStateException(
                        "the configuration store holds version " + version + ", which does not read back: " + problem));
        return remember(new Versioned(version, configuration));
    }

    /** The loader validated a new version: keep it (the newest one wins, whichever thread comes first). */
    Versioned remember(Versioned versioned) {
        return latest.accumulateAndGet(versioned, (known, fresh) -> fresh.version() > known.version() ? fresh : known);
    }

    /** The version of what the global store holds, read without decoding it. */
    static long version(byte[] stored) {
        return ByteBuffer.wrap(stored, 0, Long.BYTES).getLong();
    }

    /** The global store's entry: the version, then the record as read from the topic. */
    static byte[] stored(long version, byte[] value) {
        return ByteBuffer.allocate(Long.BYTES + value.length)
                .putLong(version)
                .put(value)
                .array();
    }
}
