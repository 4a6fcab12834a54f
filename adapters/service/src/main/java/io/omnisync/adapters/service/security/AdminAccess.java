package io.omnisync.adapters.service.security;

import io.javalin.http.Context;
import io.omnisync.adapters.service.http.Access;
import io.omnisync.adapters.service.http.ApiError;
import java.util.Locale;

/** SPEC 10.3: every {@code /api} request carries {@code Authorization: Bearer <adminToken>}, or gets 401. */
public final class AdminAccess implements Access {

    private static final String BEARER = "bearer ";

    private final Secret adminToken;

    public AdminAccess(Secret adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public void check(Context request, byte[] body) {
        String authorization = request.header("Authorization");
        boolean bearer = authorization != null
                && authorization.length() > BEARER.length()
                && authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER);
        if (!bearer
                || !adminToken.matches(authorization.substring(BEARER.length()).trim())) {
            request.header("WWW-Authenticate", "Bearer realm=\"omnisync-admin\"");
            throw ApiError.unauthorized("a valid admin token is required: Authorization: Bearer <adminToken>");
        }
    }
}
