package io.omnisync.adapters.jdbc;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The bytes of a configuration snapshot as they are written: unsigned variable-length integers, and
 * strings written once and referred to by number afterwards (a million agents share a handful of
 * profiles and statuses). {@link SnapshotInput} reads them back in the same order.
 */
final class SnapshotOutput {

    /** A string's tag: null, a new string (its UTF-8 length and bytes follow), or {@code SEEN + n} for the n-th. */
    static final int NULL = 0;

    static final int NEW = 1;
    static final int SEEN = 2;

    private final Map<String, Integer> seen = new HashMap<>();
    private byte[] bytes = new byte[1 << 16];
    private int size;

    void raw(byte[] data) {
        room(data.length);
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
    }

    void varint(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a snapshot's counts are never negative: " + value);
        }
        unsigned(value);
    }

    /** The 32 bits of {@code value} as an unsigned number, 7 bits a byte. */
    private void unsigned(int value) {
        room(5);
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    /** A signed integer (a capacity may be anything a file said, before validation turned it down). */
    void integer(int value) {
        unsigned((value << 1) ^ (value >> 31));
    }

    void longValue(long value) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    void bool(boolean value) {
        room(1);
        bytes[size++] = (byte) (value ? 1 : 0);
    }

    void string(String value) {
        if (value == null) {
            varint(NULL);
            return;
        }
        Integer known = seen.get(value);
        if (known != null) {
            varint(SEEN + known);
            return;
        }
        seen.put(value, seen.size());
        varint(NEW);
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        raw(utf8);
    }

    void name(Enum<?> value) {
        string(value == null ? null : value.name());
    }

    void strings(Seq<String> values) {
        varint(values.size());
        values.forEach(this::string);
    }

    <T> void seq(Seq<T> values, Consumer<T> each) {
        varint(values.size());
        values.forEach(each);
    }

    <T> void option(Option<T> value, Consumer<T> present) {
        bool(value.isDefined());
        value.forEach(present);
    }

    /** Everything written, then the CRC-32 of it (4 bytes), so a torn or altered snapshot is never half read. */
    byte[] sealed() {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, size);
        int sum = (int) crc.getValue();
        room(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (sum >>> shift);
        }
        return Arrays.copyOf(bytes, size);
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
