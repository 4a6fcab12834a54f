package io.omnisync.adapters.service.http;

/**
 * The endpoints of one concern (webhooks, admin API, operations, the admin page, the console), each bound into the
 * service's set by its Guice module; the server adds every group's routes before it starts.
 */
public interface RouteGroup {

    void addTo(Routes routes);
}
