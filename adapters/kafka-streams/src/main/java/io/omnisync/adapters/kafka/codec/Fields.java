package io.omnisync.adapters.kafka.codec;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/** Required and typed fields of a bound DTO, each failure a sentence naming the field. */
final class Fields {

    private Fields() {}

    static <T> Either<String, T> required(T value, String field) {
        return value == null ? Either.left("field '" + field + "' is missing") : Either.right(value);
    }

    static Either<String, Instant> instant(String value, String field) {
        return required(value, field).flatMap(text -> {
            try {
                return Either.right(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return Either.left("field '" + field + "': '" + text + "' is not an ISO-8601 instant");
            }
        });
    }

    static Either<String, Option<Instant>> optionalInstant(String value, String field) {
        return value == null
                ? Either.right(Option.none())
                : instant(value, field).map(Option::some);
    }

    static <E extends Enum<E>> Either<String, E> enumeration(String value, Class<E> type, String field) {
        return required(value, field).flatMap(text -> {
            try {
                return Either.right(Enum.valueOf(type, text));
            } catch (IllegalArgumentException e) {
                return Either.left("field '" + field + "': '" + text + "' is not one of "
                        + java.util.Arrays.toString(type.getEnumConstants()));
            }
        });
    }

    /** A lower-case wire name of an enum constant ({@code talkdesk}, {@code omni}). */
    static <E extends Enum<E>> Either<String, E> wireName(String value, Class<E> type, String field) {
        return required(value, field)
                .flatMap(text -> enumeration(text.toUpperCase(Locale.ROOT), type, field)
                        .mapLeft(ignored -> "field '" + field + "': '" + text + "' is not one of "
                                + java.util.Arrays.stream(type.getEnumConstants())
                                        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                                        .toList()));
    }

    static <T, R> Either<String, R> map(T value, String field, Function<T, R> convert) {
        return required(value, field).map(convert);
    }
}
