package io.omnisync.adapters.configjson;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an input, read as a stream: never more than {@link #LIMIT} bytes (a device such as
 * {@code /dev/zero} has no size to trust, so the count is kept while reading), and strictly UTF-8,
 * with the line and column of the first byte that is not.
 *
 * <p>512 MiB: a million agents, the most the README benchmarks, weigh 250 MB as Omnisync writes
 * them (about 250 bytes an agent, {@code ConfigurationMemory}) and about 355 MB with wider
 * indentation (the 71 MB of 200,000 agents of issue 12), so the limit leaves room for either; a
 * file larger than that is almost certainly the wrong file, and reading it stops there.
 */
final class InputText {

    /** The most bytes a configuration may hold. */
    static final long LIMIT = 512L * 1024 * 1024;

    private InputText() {}

    /** A limit in words: "512 MiB", "1000 bytes". */
    static String inWords(long bytes) {
        long mebibyte = 1024L * 1024;
        return bytes % mebibyte == 0 ? bytes / mebibyte + " MiB" : bytes + " bytes";
    }

    /** The input holds more than the limit; reading stopped there. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("larger than the limit", null);
        }
    }

    /** A byte sequence that is not UTF-8, at the line and column (from 1) of the character it would be. */
    static final class NotUtf8 extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        NotUtf8(int line, int column) {
            super("not UTF-8 text at line " + line + ", column " + column, null);
            this.line = line;
            this.column = column;
        }
    }

    /** Counts the bytes read, and fails with {@link TooLarge} past {@code limit}; reads at most one byte past it. */
    static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = in.read();
            if (next >= 0) {
                counted(1);
            }
            return next;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int read = in.read(into, offset, (int) Math.min(length, limit - count + 1));
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, limit - count + 1));
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long read) throws TooLarge {
            count += read;
            if (count > limit) {
                throw new TooLarge();
            }
        }

        /**
         * Reads the rest of the input, keeping nothing: whether it holds more than the limit. For an
         * input without a size (a device, a pipe) whose reading stopped early, as at a byte that is
         * not JSON: a size is judged before content, whatever the kind of input.
         */
        boolean restIsTooLarge() throws IOException {
            byte[] discard = new byte[64 * 1024];
            try {
                while (read(discard, 0, discard.length) >= 0) {
                    // nothing kept
                }
                return false;
            } catch (TooLarge e) {
                return true;
            }
        }
    }

    /**
     * Strict UTF-8 decoding that knows where it is: a byte sequence that is not UTF-8 is a
     * {@link NotUtf8} at the line and column of the character it would be, thrown once every
     * character before it has been read. A byte order mark at the start is dropped. Lines end at
     * "\n", "\r\n" or "\r", as Jackson counts them.
     */
    static final class Utf8Reader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        private boolean started;
        private boolean ended;
        private boolean flushed;
        private boolean afterCarriageReturn;
        private int line = 1;
        private int column = 1;
        private IOException failure;

        Utf8Reader(InputStream in) {
            this.in = in;
            bytes.flip();
        }

        @Override
        public int read(char[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (failure != null) {
                throw failure;
            }
            if (!started) {
                start();
            }
            CharBuffer out = CharBuffer.wrap(into, offset, length);
            boolean malformed = false;
            while (out.position() == offset && !malformed) {
                CoderResult result = decoder.decode(bytes, out, ended);
                if (result.isError()) {
                    malformed = true;
                } else if (result.isOverflow()) {
                    break;
                } else if (ended) {
                    if (!flushed) {
                        flushed = true;
                        decoder.flush(out);
                    }
                    break;
                } else {
                    fill();
                }
            }
            int read = out.position() - offset;
            count(into, offset, read);
            if (malformed) {
                failure = new NotUtf8(line, column);
                if (read == 0) {
                    throw failure;
                }
            }
            return read == 0 && ended ? -1 : read;
        }

        /** Drops a byte order mark, which some editors write and JSON parsers refuse. */
        private void start() throws IOException {
            started = true;
            while (bytes.remaining() < 3 && !ended) {
                fill();
            }
            if (bytes.remaining() >= 3
                    && bytes.get(bytes.position()) == (byte) 0xEF
                    && bytes.get(bytes.position() + 1) == (byte) 0xBB
                    && bytes.get(bytes.position() + 2) == (byte) 0xBF) {
                bytes.position(bytes.position() + 3);
            }
        }

        private void fill() throws IOException {
            bytes.compact();
            try {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    ended = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
            } finally {
                bytes.flip();
            }
        }

        private void count(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = chars[i];
                if (c == '\n') {
                    if (!afterCarriageReturn) {
                        line++;
                        column = 1;
                    }
                    afterCarriageReturn = false;
                } else if (c == '\r') {
                    line++;
                    column = 1;
                    afterCarriageReturn = true;
                } else {
                    column++;
                    afterCarriageReturn = false;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
