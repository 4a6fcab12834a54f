package io.omnisync.adapters.talkdesk;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests as log lines: method, URL and headers, with {@code Authorization} redacted (SPEC 10). */
final class LogSafe {

    private LogSafe() {}

    static String describe(HttpRequest request) {
        String headers = request.headers().map().entrySet().stream()
                .map(LogSafe::header)
                .collect(Collectors.joining(", ", "{", "}"));
        return request.method() + " " + request.uri() + " " + headers;
    }

    private static String header(Map.Entry<String, java.util.List<String>> header) {
        boolean secret = "Authorization".equalsIgnoreCase(header.getKey());
        return header.getKey() + "=" + (secret ? "<redacted>" : String.join(",", header.getValue()));
    }
}
