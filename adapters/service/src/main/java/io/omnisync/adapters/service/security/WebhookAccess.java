package io.omnisync.adapters.service.security;

import io.javalin.http.Context;
import io.omnisync.adapters.service.http.Access;
import io.omnisync.adapters.service.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SPEC 10.1: a webhook is taken only with a valid, fresh {@code Omnisync-Signature}; otherwise 401. */
public final class WebhookAccess implements Access {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAccess.class);

    private final WebhookSignature signature;

    public WebhookAccess(WebhookSignature signature) {
        this.signature = signature;
    }

    @Override
    public void check(Context request, byte[] body) {
        signature.refusal(request.header(WebhookSignature.HEADER), body).ifPresent(reason -> {
            LOG.warn("webhook refused from {}: {}", request.ip(), reason);
            throw ApiError.unauthorized("the webhook is not signed as SPEC 10.1 asks: " + reason);
        });
    }
}
