package io.omnisync.adapters.service.console;

import io.javalin.http.Context;
import io.omnisync.adapters.service.http.Access;
import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.domain.agent.AgentId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC 10.2's authentication of the console endpoints, after the size check and before the content: {@code
 * Authorization: Bearer <token>} (never a URL), a valid console token ({@link ConsoleTokens}) or 401, and its
 * {@code sub} one configured agent's {@code salesforceUserId} (by the first 15 characters) or 403. The agent found is
 * the request's {@link ConsoleCaller}, which the handler reads with {@link #caller(Context)}.
 */
@Singleton
public final class ConsoleAccess implements Access {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAccess.class);
    private static final String CALLER = "omnisync.console.caller";
    private static final String BEARER = "bearer ";

    private final ConsoleTokens tokens;
    private final ConsoleDirectory directory;

    @Inject
    public ConsoleAccess(ConsoleTokens tokens, ConsoleDirectory directory) {
        this.tokens = tokens;
        this.directory = directory;
    }

    @Override
    public void check(Context request, byte[] body) {
        String authorization = request.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw refused(request, ApiError.unauthorized("a console token is needed: Authorization: Bearer <token>"));
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw refused(
                    request,
                    ApiError.unauthorized("the Authorization header must be 'Bearer <token>' (a console token)"));
        }
        ConsoleTokens.Verified token;
        try {
            token = tokens.verify(authorization.substring(BEARER.length()).strip());
        } catch (ApiError invalid) {
            throw refused(request, invalid);
        }
        request.attribute(CALLER, new ConsoleCaller(agentOf(token.subject()), token.expiresAt()));
    }

    /** The agent the request's token names; only after {@link #check} let the request in. */
    public static ConsoleCaller caller(Context request) {
        ConsoleCaller caller = request.attribute(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no console caller: the request did not pass ConsoleAccess");
        }
        return caller;
    }

    private AgentId agentOf(String subject) {
        return directory.agent(subject).orElseThrow(() -> {
            LOG.warn("console token for a Salesforce user who is no configured agent");
            return ApiError.forbidden(
                    "the token's Salesforce user is not an agent of Omnisync's configuration (agents[].salesforceUserId)");
        });
    }

    private static ApiError refused(Context request, ApiError why) {
        LOG.warn("console request refused from {}: {}", request.ip(), why.getMessage());
        return why;
    }
}
