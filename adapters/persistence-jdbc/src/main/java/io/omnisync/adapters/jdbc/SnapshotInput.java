package io.omnisync.adapters.jdbc;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * Reads what {@link SnapshotOutput} wrote, in the same order. Anything that does not read — a
 * checksum that does not match, a string number never written, a count past the end — is a {@link
 * Unreadable}: the caller then reads nothing of it.
 */
final class SnapshotInput {

    /** The snapshot does not read: the store falls back to its JSON. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private final byte[] bytes;
    private final int end;
    private final java.util.List<String> seen = new ArrayList<>();
    private int position;

    /** @throws Unreadable when the checksum at the end does not match what comes before it */
    SnapshotInput(byte[] bytes) {
        if (bytes.length < 4) {
            throw new Unreadable("it is " + bytes.length + " bytes long, too short to be a snapshot");
        }
        this.bytes = bytes;
        this.end = bytes.length - 4;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, end);
        int expected = ((bytes[end] & 0xFF) << 24)
                | ((bytes[end + 1] & 0xFF) << 16)
                | ((bytes[end + 2] & 0xFF) << 8)
                | (bytes[end + 3] & 0xFF);
        if ((int) crc.getValue() != expected) {
            throw new Unreadable("its checksum does not match its content (a torn or altered snapshot)");
        }
    }

    byte[] raw(int length) {
        need(length);
        byte[] copy = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return copy;
    }

    int varint() {
        int value = unsigned();
        if (value < 0) {
            throw new Unreadable("a count out of range at byte " + position);
        }
        return value;
    }

    /** 32 bits written 7 a byte. */
    private int unsigned() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            need(1);
            byte next = bytes[position++];
            value |= (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new Unreadable("a number longer than 5 bytes at byte " + position);
    }

    int integer() {
        int zigzag = unsigned();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    long longValue() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    boolean bool() {
        need(1);
        byte value = bytes[position++];
        if (value != 0 && value != 1) {
            throw new Unreadable("a flag that is neither 0 nor 1 at byte " + (position - 1));
        }
        return value == 1;
    }

    String string() {
        int tag = varint();
        if (tag == SnapshotOutput.NULL) {
            return null;
        }
        if (tag == SnapshotOutput.NEW) {
            int length = varint();
            need(length);
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            seen.add(value);
            return value;
        }
        int index = tag - SnapshotOutput.SEEN;
        if (index >= seen.size()) {
            throw new Unreadable("a string never written (number " + index + ") at byte " + position);
        }
        return seen.get(index);
    }

    /** A string that must be there. */
    String text() {
        String value = string();
        if (value == null) {
            throw new Unreadable("a value missing at byte " + position);
        }
        return value;
    }

    <E extends Enum<E>> E name(Class<E> type) {
        String value = string();
        return value == null ? null : Enum.valueOf(type, value);
    }

    List<String> strings() {
        return seq(this::string);
    }

    <T> List<T> seq(Supplier<T> each) {
        int count = varint();
        if (count > end - position) {
            throw new Unreadable("a list of " + count + " items where fewer bytes are left, at byte " + position);
        }
        java.util.List<T> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(each.get());
        }
        return List.ofAll(items);
    }

    <T> Option<T> option(Supplier<T> present) {
        return bool() ? Option.some(present.get()) : Option.none();
    }

    <T> T map(Function<String, T> parse) {
        return parse.apply(text());
    }

    /** @throws Unreadable when bytes are left over: what was read is not the whole snapshot */
    void atEnd() {
        if (position != end) {
            throw new Unreadable((end - position) + " bytes left over after the configuration");
        }
    }

    private void need(int length) {
        if (length < 0 || length > end - position) {
            throw new Unreadable("it ends early, at byte " + position);
        }
    }
}
