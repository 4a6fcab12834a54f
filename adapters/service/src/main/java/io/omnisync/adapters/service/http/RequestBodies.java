package io.omnisync.adapters.service.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request's body within SPEC 10's limit, the first check every request passes: a declared length over it is
 * refused without reading, and a body that turns out longer (chunked) is refused once the limit is passed.
 */
public final class RequestBodies {

    /** 1 MiB. */
    public static final int LIMIT = 1024 * 1024;

    private RequestBodies() {}

    /**
     * The body, read whole.
     *
     * @throws ApiError 413 when the body is over the limit, 400 when it cannot be read
     */
    public static byte[] read(Context context) {
        long declared = context.req().getContentLengthLong();
        if (declared > LIMIT) {
            throw tooLarge();
        }
        try (InputStream in = context.req().getInputStream()) {
            byte[] body = in.readNBytes(LIMIT + 1);
            if (body.length > LIMIT) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiError.badRequest(
                    "the request body could not be read: " + e.getClass().getSimpleName());
        }
    }

    private static ApiError tooLarge() {
        return ApiError.payloadTooLarge("the request body is over 1 MiB (" + LIMIT + " bytes)");
    }
}
