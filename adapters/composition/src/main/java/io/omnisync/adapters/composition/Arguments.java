package io.omnisync.adapters.composition;

/** The facade's checks of what a host passes: an {@link IllegalArgumentException} naming the argument. */
final class Arguments {

    private Arguments() {}

    static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Text that names something (an agent, a status, an event id): not null, not empty, not blank. */
    static String name(String value, String name) {
        present(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    static int atLeastZero(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, not " + value);
        }
        return value;
    }
}
