package io.omnisync.adapters.service.ops;

import java.util.Optional;

/**
 * Something else the service needs running to deserve traffic, beyond its engine and store (SPEC 10.4's {@code
 * /readyz}): a host adds its own ({@code serve --kafka}: Kafka Streams, the Talkdesk delivery, the Omni command feed).
 * Quick: it is asked on every probe.
 */
@FunctionalInterface
public interface ReadinessCheck {

    /** Why the service should get no traffic now, or empty when this part is fine. */
    Optional<String> notReady();
}
