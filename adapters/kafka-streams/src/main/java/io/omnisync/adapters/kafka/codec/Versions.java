package io.omnisync.adapters.kafka.codec;

import io.vavr.control.Either;

/**
 * The version field {@code "v"} every value carries. A reader reads every version up to its own and,
 * during a rolling upgrade, a newer one too: versions only ever add optional fields (a change that
 * cannot be read that way needs a new record type), and the fields it does not know are ignored.
 */
final class Versions {

    private Versions() {}

    /** The version a value says it has, or why it cannot be read at all. */
    static Either<String, Integer> check(Integer version) {
        if (version == null) {
            return Either.left("no version field 'v'");
        }
        if (version < 1) {
            return Either.left("version " + version + " is not one Omnisync ever wrote");
        }
        return Either.right(version);
    }
}
