package io.omnisync.adapters.service.http;

import io.javalin.http.Context;

/**
 * Who may make a request, checked after its size and before its content (SPEC 10): a request that fails it gets 401
 * (or 403) and changes nothing. It sees the raw body, as a signature is over the bytes received.
 */
@FunctionalInterface
public interface Access {

    /** Anyone: health, readiness, metrics, the admin page's files. */
    Access ANYONE = (request, body) -> {};

    /**
     * Lets the request go on, or refuses it.
     *
     * @throws ApiError 401 or 403 when the request may not go on
     */
    void check(Context request, byte[] body);
}
