package io.omnisync.adapters.service.http;

import java.time.Duration;

/** Told of every answered request (the metrics count them by route and status). Never told a header or a body. */
@FunctionalInterface
public interface RequestListener {

    RequestListener NOBODY = (method, route, status, took) -> {};

    /** {@code route} is the endpoint's path template ({@code /api/agents/{id}/audit}), never the request's own path. */
    void served(String method, String route, int status, Duration took);
}
