package io.omnisync.adapters.talkdesk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The Presence API's JSON (SPEC 11), bound by Jackson; unknown fields are ignored, as vendors add them. */
final class TalkdeskJson {

    /**
     * Lenient on unknown fields; never copies a body into an error message (a token answer holds the token).
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private TalkdeskJson() {}

    /** {@code {"access_token", "token_type", "expires_in", "scope"}}. */
    record TokenAnswer(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn,
            @JsonProperty("scope") String scope) {

        @Override
        public String toString() {
            return "TokenAnswer[access_token=<redacted>, token_type=" + tokenType + ", expires_in=" + expiresIn
                    + ", scope=" + scope + "]";
        }
    }

    /** An OAuth2 error answer, {@code {"error": "invalid_client", ...}}. */
    record TokenError(@JsonProperty("error") String error) {}

    /** {@code {"status", "custom_status_id"}}: sent by PUT, read by GET; {@code custom_status_id} left out when none. */
    record Presence(
            @JsonProperty("status") String status,

            @JsonProperty("custom_status_id") @JsonInclude(JsonInclude.Include.NON_NULL)
            String customStatusId) {

        static Presence of(PresenceBody body) {
            return new Presence(body.status(), body.customStatusId().orElse(null));
        }

        Optional<PresenceBody> toBody() {
            if (status == null || status.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(
                    new PresenceBody(status, Optional.ofNullable(customStatusId).filter(id -> !id.isBlank())));
        }
    }

    /** {@code {"custom_status": [{"id", "display_name"}]}}. */
    record CustomStatuses(@JsonProperty("custom_status") List<Entry> customStatus) {

        record Entry(
                @JsonProperty("id") String id,
                @JsonProperty("display_name") String displayName) {}
    }

    /** A refusal's {@code {"code", "message"}}; a number for a code is read as its text. */
    record VendorError(
            @JsonProperty("code") String code,
            @JsonProperty("message") String message) {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The body read as {@code type}, or empty when it is not that JSON. */
    static <T> Optional<T> read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readValue(body, type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
