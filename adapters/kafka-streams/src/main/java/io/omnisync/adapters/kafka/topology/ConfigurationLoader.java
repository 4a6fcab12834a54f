package io.omnisync.adapters.kafka.topology;

import io.omnisync.adapters.kafka.codec.ConfigurationRecordCodec;
import io.omnisync.domain.configuration.Configuration;
import io.vavr.control.Either;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the global configuration store from the configuration topic, on every instance alike (also when the
 * store is rebuilt from the topic at start-up: Kafka Streams runs this processor again over the topic). A record
 * is kept only if it reads back and validates whole (SPEC 4.9): the admin validated it before writing it, so a
 * record that does not is somebody else's, and the running configuration stays. Its version is its offset.
 */
final class ConfigurationLoader implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(ConfigurationLoader.class);

    private final ConfigurationRecordCodec codec;
    private final RunningConfiguration running;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    ConfigurationLoader(ConfigurationRecordCodec codec, RunningConfiguration running) {
        this.codec = codec;
        this.running = running;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.CONFIGURATION);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata where = context.recordMetadata()
                .orElseThrow(() -> new IllegalStateException("a configuration record without its offset"));
        long version = where.offset();
        Either<String, Configuration> valid = codec.decode(record.value())
                .flatMap(read -> Configuration.validate(read.draft())
                        .toEither()
                        .mapLeft(problems -> problems.map(Object::toString).mkString("; ")));
        if (valid.isLeft()) {
            log.error(
                    "configuration record {}-{}@{} is not a valid configuration and is not applied; the running one "
                            + "stays: {}",
                    where.topic(),
                    where.partition(),
                    version,
                    valid.getLeft());
            return;
        }
        store.put(RunningConfiguration.KEY, RunningConfiguration.stored(version, record.value()));
        running.remember(new RunningConfiguration.Versioned(version, valid.get()));
        log.info("configuration version {} loaded ({})", version, valid.get());
    }
}
