package io.omnisync.adapters.service.http;

/** What an endpoint does with a request that passed the size and access checks. */
@FunctionalInterface
public interface ApiHandler {

    void handle(ApiRequest request) throws Exception;
}
