package io.omnisync.adapters.service.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request's body within SPEC 10's limit, the first check every request passes: a declared length over it is
 * refused without keeping anything, and a body that turns out longer (chunked) is refused once the limit is passed.
 * What the sender still sends of a refused body is read and dropped, up to {@link #DRAINED} bytes, before the 413 goes
 * out: a connection closed with unread bytes in it is reset, and the reset can destroy the 413 before the sender reads
 * it. A longer body is not waited for; the connection is closed.
 */
public final class RequestBodies {

    /** 1 MiB. */
    public static final int LIMIT = 1024 * 1024;

    /** How much of a refused body is read (and dropped) so that its sender gets the 413. */
    static final long DRAINED = 8L * LIMIT;

    private RequestBodies() {}

    /**
     * The body, read whole.
     *
     * @throws ApiError 413 when the body is over the limit, 400 when it cannot be read
     */
    public static byte[] read(Context context) {
        long declared = context.req().getContentLengthLong();
        try (InputStream in = context.req().getInputStream()) {
            if (declared > LIMIT) {
                drain(in, Math.min(declared, DRAINED));
                throw tooLarge();
            }
            byte[] body = in.readNBytes(LIMIT + 1);
            if (body.length > LIMIT) {
                drain(in, DRAINED - body.length);
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiError.badRequest(
                    "the request body could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** Reads and drops up to {@code atMost} bytes; a sender that went away is no matter, the answer is 413 anyway. */
    private static void drain(InputStream in, long atMost) {
        long left = atMost;
        try {
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        return;
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        } catch (IOException gone) {
            // the sender closed first
        }
    }

    private static ApiError tooLarge() {
        return ApiError.payloadTooLarge("the request body is over 1 MiB (" + LIMIT + " bytes)");
    }
}
