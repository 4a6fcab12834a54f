package io.omnisync.adapters.cli;

import io.omnisync.application.admin.ReplacePolicy;
import io.omnisync.application.admin.StartEngine;
import io.omnisync.application.admin.StartResult;
import io.omnisync.application.store.ConfigurationFingerprint;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.configuration.ServiceReadiness;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} starts the engine with. Usually the file's configuration, read and checked whole
 * before anything else (exit 1 or 2 as {@code validate}). But when the store already runs the very
 * bytes of the file (the SHA-256 it recorded when that file was started), the file is not read again:
 * those bytes were validated when they were recorded, by this Omnisync, and the engine resumes on the
 * store's configuration ({@link StartEngine#resume}), which with a million agents is the difference
 * between seconds and half a minute. A file that differs by one byte is read, validated and compared
 * as always (and, found the same, recorded, so the next start is fast).
 */
final class ServeConfiguration {

    /** Files larger than this are not fingerprinted (a device that never ends, such as /dev/zero, included). */
    private static final long LARGEST_FINGERPRINTED = 1L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(ServeConfiguration.class);

    private final Option<ConfigurationFingerprint> fingerprint;
    private final Option<ConfigurationDraft> checked;
    private final Supplier<Either<Integer, ConfigurationDraft>> checking;

    private ServeConfiguration(
            Option<ConfigurationFingerprint> fingerprint,
            Option<ConfigurationDraft> checked,
            Supplier<Either<Integer, ConfigurationDraft>> checking) {
        this.fingerprint = fingerprint;
        this.checked = checked;
        this.checking = checking;
    }

    /**
     * The file's configuration, read and checked now unless {@code storeRuns} says the store already runs
     * these very bytes; then {@code check} (which reports what is wrong and gives the exit code) runs only
     * if the store, once owned, turns out not to.
     */
    static Either<Integer, ServeConfiguration> of(
            Path file,
            Option<ConfigurationFingerprint> storeRuns,
            Supplier<Either<Integer, ConfigurationDraft>> check) {
        Option<ConfigurationFingerprint> fingerprint = fingerprintOf(file);
        if (fingerprint.isDefined() && storeRuns.equals(fingerprint)) {
            return Either.right(new ServeConfiguration(fingerprint, Option.none(), check));
        }
        return check.get().map(draft -> new ServeConfiguration(fingerprint, Option.some(draft), check));
    }

    /**
     * Starts the engine: resumed on the store's configuration without reading the file when the store
     * runs its bytes, else with the file's configuration as {@link StartEngine} says; or the exit code
     * when the file, read late, is not one the service can run.
     */
    Either<Integer, StartResult> start(StartEngine engine, ReplacePolicy policy) {
        if (checked.isEmpty()) {
            Option<StartResult.Resumed> resumed = engine.resume(fingerprint.get())
                    .filter(running ->
                            ServiceReadiness.check(running.configuration()).isEmpty());
            if (resumed.isDefined()) {
                LOG.info("the store runs this very configuration file ({}): it was not read again", fingerprint.get());
                return Either.right(resumed.get());
            }
            LOG.info("the store no longer runs this file as it did when serve started: reading it");
            return checking.get().map(draft -> startWith(engine, draft, policy));
        }
        return Either.right(startWith(engine, checked.get(), policy));
    }

    /** The file's configuration, read and checked now if it was not at start (for a host that has no store to ask). */
    Either<Integer, ConfigurationDraft> draft() {
        return checked.isDefined() ? Either.right(checked.get()) : checking.get();
    }

    private StartResult startWith(StartEngine engine, ConfigurationDraft draft, ReplacePolicy policy) {
        return fingerprint.isDefined() ? engine.start(draft, policy, fingerprint.get()) : engine.start(draft, policy);
    }

    /** The SHA-256 of a regular file's bytes; none for anything else, too large, or unreadable (then it is read as always). */
    static Option<ConfigurationFingerprint> fingerprintOf(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > LARGEST_FINGERPRINTED) {
                return Option.none();
            }
            try (InputStream in = Files.newInputStream(file)) {
                return Option.some(ConfigurationFingerprint.of(in));
            }
        } catch (IOException | UncheckedIOException unreadable) {
            return Option.none();
        }
    }
}
