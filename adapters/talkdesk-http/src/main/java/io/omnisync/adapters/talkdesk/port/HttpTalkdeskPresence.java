package io.omnisync.adapters.talkdesk.port;

import io.omnisync.adapters.talkdesk.CustomStatus;
import io.omnisync.adapters.talkdesk.PresenceBody;
import io.omnisync.adapters.talkdesk.ReadAnswer;
import io.omnisync.adapters.talkdesk.Refused;
import io.omnisync.adapters.talkdesk.SetStatusAnswer;
import io.omnisync.adapters.talkdesk.StatusType;
import io.omnisync.adapters.talkdesk.TalkdeskCredentials;
import io.omnisync.adapters.talkdesk.TalkdeskEndpoints;
import io.omnisync.adapters.talkdesk.TalkdeskFailure;
import io.omnisync.adapters.talkdesk.TalkdeskPresenceClient;
import io.omnisync.adapters.talkdesk.TalkdeskTimeouts;
import io.omnisync.adapters.talkdesk.Unavailable;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.vendor.TalkdeskPresence;
import io.omnisync.application.vendor.VendorAnswer;
import io.omnisync.application.vendor.VendorUnavailableException;
import io.omnisync.domain.agent.Agent;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.status.TalkdeskStatus;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.vavr.control.Option;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Sets an agent's Talkdesk status through the Presence API (SPEC 11), as the engine's {@link TalkdeskPresence}
 * port: {@code PUT /users/{talkdeskUserId}/presence/status} with the body SPEC 6 gives the status. Talkdesk's answer
 * becomes the port's: accepted; refused for good (with Talkdesk's code and message); or unavailable, which the
 * delivery tries again, not before Talkdesk's {@code Retry-After} when it sent one.
 *
 * <p>Where Talkdesk is comes from the running configuration's {@code vendors.talkdesk} at each call; the client (and
 * its cached token) is kept while that stays the same.
 */
public final class HttpTalkdeskPresence implements TalkdeskPresence {

    /** One client per place Talkdesk is: a replaced configuration that moves it gets a new client and token. */
    private record Connected(TalkdeskEndpoints endpoints, TalkdeskPresenceClient client) {}

    private final QueryAgents engine;
    private final TalkdeskCredentials credentials;
    private final TalkdeskTimeouts timeouts;
    private final Clock clock;
    private volatile Connected connected;

    public HttpTalkdeskPresence(
            QueryAgents engine, TalkdeskCredentials credentials, TalkdeskTimeouts timeouts, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public VendorAnswer setAgentStatus(Agent agent, TalkdeskStatusId status) {
        Configuration configuration = engine.configuration();
        Optional<PresenceBody> body = bodyFor(configuration, status);
        if (body.isEmpty()) {
            return new VendorAnswer.Refused("Talkdesk's Presence API has nothing to send for '" + status
                    + "': give the status a \"presence\" in the configuration");
        }
        TalkdeskPresenceClient client = clientFor(configuration);
        try (MDC.MDCCloseable tagged = MDC.putCloseable("agent", agent.id().value())) {
            SetStatusAnswer answer = client.setStatus(agent.talkdeskUserId(), body.get());
            if (answer instanceof Refused refused) {
                return namesTheStatus(refused, body.get())
                        ? VendorAnswer.Refused.unknownStatus(reasonOf(refused))
                        : new VendorAnswer.Refused(reasonOf(refused));
            }
            if (answer instanceof Unavailable unavailable) {
                throw unavailable
                        .retryAfter()
                        .map(wait -> new VendorUnavailableException(unavailable.reason(), wait))
                        .orElseGet(() -> new VendorUnavailableException(unavailable.reason()));
            }
            return VendorAnswer.ACCEPTED;
        }
    }

    /**
     * SPEC 11's check of the running configuration against the Talkdesk account ({@code GET /account/custom-status}):
     * one line for each custom status the configuration sends (a status's {@code custom_status_id}) that the account
     * does not have, naming the configured status; or one line saying why the account's list could not be read. Empty
     * when every one is there. A line is a warning: the command for such a status will be refused
     * ({@code UNKNOWN_AT_VENDOR}), and the mapping is the admin's to fix.
     */
    public List<String> customStatusesMissing() {
        Configuration configuration = engine.configuration();
        java.util.Map<String, String> sent = new java.util.TreeMap<>();
        configuration
                .draft()
                .talkdesk()
                .statuses()
                .forEach(status -> bodyFor(configuration, TalkdeskStatusId.of(status.id()))
                        .flatMap(PresenceBody::customStatusId)
                        .ifPresent(custom -> sent.putIfAbsent(custom, status.id())));
        if (sent.isEmpty()) {
            return List.of();
        }
        ReadAnswer<List<CustomStatus>> answer = clientFor(configuration).customStatuses();
        if (answer instanceof ReadAnswer.NotRead<List<CustomStatus>> notRead) {
            return List.of("the Talkdesk account's custom statuses could not be read, so the configuration's are not "
                    + "checked: " + describe(notRead.failure()));
        }
        java.util.Set<String> account = ((ReadAnswer.Read<List<CustomStatus>>) answer)
                .value().stream().map(CustomStatus::id).collect(java.util.stream.Collectors.toSet());
        return sent.entrySet().stream()
                .filter(custom -> !account.contains(custom.getKey()))
                .map(custom -> "talkdesk status '" + custom.getValue() + "' sends custom_status_id '"
                        + custom.getKey() + "', which the Talkdesk account does not have (renamed or deleted?): "
                        + "commands for it will be refused until the configuration is fixed")
                .toList();
    }

    private static String describe(TalkdeskFailure failure) {
        return failure instanceof Refused refused
                ? "HTTP " + refused.httpStatus()
                        + refused.code().map(code -> " " + code).orElse("") + ": " + refused.message()
                : ((Unavailable) failure).reason();
    }

    /**
     * What the Presence API is sent for {@code status} (SPEC 6): its {@code presence} when the configuration gives one,
     * else the default for its type; empty for a status the configuration does not have, or one with nothing to send
     * (the call statuses, a custom OFFLINE status without {@code presence}).
     */
    static Optional<PresenceBody> bodyFor(Configuration configuration, TalkdeskStatusId status) {
        Option<TalkdeskStatus> known = configuration.talkdeskStatus(status);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Optional<PresenceBody> explicit = configuration
                .draft()
                .talkdesk()
                .statuses()
                .find(custom -> status.value().equals(custom.id()))
                .flatMap(ConfigurationDraft.TalkdeskStatusDraft::presence)
                .map(presence -> new PresenceBody(
                        presence.status(), presence.customStatusId().toJavaOptional()))
                .toJavaOptional();
        StatusType type = StatusType.valueOf(known.get().type().name());
        return PresenceBody.forStatus(status.value(), type, explicit);
    }

    private TalkdeskPresenceClient clientFor(Configuration configuration) {
        TalkdeskEndpoints endpoints = endpointsOf(configuration);
        Connected current = connected;
        if (current != null && current.endpoints().equals(endpoints)) {
            return current.client();
        }
        synchronized (this) {
            if (connected == null || !connected.endpoints().equals(endpoints)) {
                connected =
                        new Connected(endpoints, new TalkdeskPresenceClient(endpoints, credentials, timeouts, clock));
            }
            return connected.client();
        }
    }

    /** {@code vendors.talkdesk}; the service does not start without it, so its absence is a moment's, retried. */
    private static TalkdeskEndpoints endpointsOf(Configuration configuration) {
        Option<ConfigurationDraft.TalkdeskVendorDraft> vendor =
                configuration.draft().vendors().flatMap(ConfigurationDraft.VendorsDraft::talkdesk);
        if (vendor.isEmpty()) {
            throw new VendorUnavailableException("the running configuration has no vendors.talkdesk: where Talkdesk "
                    + "is is not known; the command waits for a configuration that says");
        }
        try {
            return new TalkdeskEndpoints(
                    URI.create(vendor.get().apiBaseUrl()),
                    URI.create(vendor.get().tokenUrl()),
                    List.copyOf(vendor.get().scopes().asJava()));
        } catch (IllegalArgumentException | NullPointerException unusable) {
            throw new VendorUnavailableException(
                    "vendors.talkdesk of the running configuration is unusable: " + unusable.getMessage());
        }
    }

    /**
     * A status renamed or deleted in Talkdesk after the configuration was written: a 404 or 422 whose code is about
     * a status ({@code status_not_found}, {@code invalid_custom_status}) or that names the custom status id sent. The audit trail then says
     * UNKNOWN_AT_VENDOR, which asks an admin to fix the mapping, not to wait for Talkdesk.
     */
    static boolean namesTheStatus(Refused refused, PresenceBody sent) {
        if (refused.httpStatus() != 404 && refused.httpStatus() != 422) {
            return false;
        }
        boolean codeNamesAStatus = refused.code()
                .map(code -> code.toLowerCase(Locale.ROOT).contains("status"))
                .orElse(false);
        String said = refused.code().orElse("") + " " + refused.message();
        return codeNamesAStatus || sent.customStatusId().map(said::contains).orElse(false);
    }

    private static String reasonOf(Refused refused) {
        return "Talkdesk refused it (HTTP " + refused.httpStatus()
                + refused.code().map(code -> " " + code).orElse("") + "): " + refused.message();
    }
}
