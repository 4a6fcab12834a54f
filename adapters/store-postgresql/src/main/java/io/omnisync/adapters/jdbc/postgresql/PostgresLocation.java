package io.omnisync.adapters.jdbc.postgresql;

import io.omnisync.adapters.jdbc.StoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a PostgreSQL store is, as an operator writes it for {@code serve --store}:
 * {@code postgresql://user@host:port/database} (libpq's form; {@code postgres://} too) or the
 * driver's {@code jdbc:postgresql://host:port/database?user=…}. A password may be given in either
 * ({@code user:password@}, or {@code password=}), else it is taken from {@code PGPASSWORD}, else the
 * driver's {@code .pgpass}; it never appears in {@link #toString()}, in the JDBC URL (it is passed
 * apart), or in an error. {@code currentSchema=NAME} keeps the store in that schema (one store per
 * schema, each with its own migration history and owner).
 */
public final class PostgresLocation {

    private static final int DEFAULT_PORT = 5432;
    private static final String FORM = "postgresql://user@host:port/database (or jdbc:postgresql://host:port/database)";

    private final String host;
    private final int port;
    private final String database;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Map<String, String> parameters;

    private PostgresLocation(
            String host,
            int port,
            String database,
            Optional<String> user,
            Optional<String> password,
            Map<String, String> parameters) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Whether {@code text} is meant as a PostgreSQL location (and not a SQLite file name). */
    public static boolean looksLikeOne(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql:") || lower.startsWith("postgres:") || lower.startsWith("jdbc:postgresql:");
    }

    /**
     * Reads a location; the password, when the environment gives none in the text, from {@code PGPASSWORD}.
     *
     * @throws StoreException naming the location (without its password) and what is wrong with it
     */
    public static PostgresLocation parse(String text) {
        return parse(text, Optional.ofNullable(System.getenv("PGPASSWORD")));
    }

    static PostgresLocation parse(String text, Optional<String> environmentPassword) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        String shown = redacted(trimmed);
        String lower = trimmed.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("jdbc:postgresql://")) {
            rest = trimmed.substring("jdbc:postgresql://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = trimmed.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = trimmed.substring("postgres://".length());
        } else {
            throw new StoreException("'" + shown + "' is not a PostgreSQL store location; write " + FORM);
        }
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new StoreException(
                    "'" + shown + "' is not a PostgreSQL store location (" + e.getReason() + "); write " + FORM, e);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new StoreException("'" + shown + "' names no host (one host only); write " + FORM);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw new StoreException("'" + shown + "' names no database; write " + FORM);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            for (String pair : uri.getRawQuery().split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.put(name, value);
            }
        }
        Optional<String> user = Optional.ofNullable(parameters.remove("user"));
        Optional<String> password = Optional.ofNullable(parameters.remove("password"));
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(info.substring(colon + 1)));
            }
        }
        if (password.isEmpty()) {
            password = environmentPassword.filter(p -> !p.isEmpty());
        }
        return new PostgresLocation(
                uri.getHost(),
                uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                database,
                user.filter(u -> !u.isEmpty()),
                password,
                parameters);
    }

    /** The text with any password replaced by {@code ***}, for messages about text that may not parse. */
    static String redacted(String text) {
        String shown = text.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
        int scheme = shown.indexOf("://");
        if (scheme >= 0) {
            int start = scheme + 3;
            int slash = shown.indexOf('/', start);
            int end = slash < 0 ? shown.length() : slash;
            int at = shown.lastIndexOf('@', end - 1);
            if (at >= start) {
                int colon = shown.indexOf(':', start);
                if (colon >= 0 && colon < at) {
                    shown = shown.substring(0, colon + 1) + "***" + shown.substring(at);
                }
            }
        }
        return shown;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The driver's URL, with the parameters given but neither user nor password (they are passed apart). */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://")
                .append(host.contains(":") ? "[" + host + "]" : host)
                .append(':')
                .append(port)
                .append('/')
                .append(URLEncoder.encode(database, StandardCharsets.UTF_8));
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            url.append(separator)
                    .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public Optional<String> user() {
        return user;
    }

    /** The password, for a connection only: never log it, never put it in a message. */
    public Optional<String> password() {
        return password;
    }

    /** The schema that holds the store: {@code currentSchema} when given, else {@code public}. */
    public String schema() {
        return parameters.getOrDefault("currentSchema", "public");
    }

    /** The same server and database, the store in another schema (tests give each run its own). */
    public PostgresLocation inSchema(String schema) {
        Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put("currentSchema", schema);
        return new PostgresLocation(host, port, database, user, password, changed);
    }

    /** The same server, user and parameters, another database. */
    public PostgresLocation inDatabase(String other) {
        return new PostgresLocation(host, port, other, user, password, parameters);
    }

    /** {@code postgresql://user@host:port/database[?parameters]}: never the password. */
    @Override
    public String toString() {
        String url = jdbcUrl().substring("jdbc:postgresql://".length());
        return "postgresql://"
                + user.map(u -> URLEncoder.encode(u, StandardCharsets.UTF_8) + "@")
                        .orElse("") + url;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostgresLocation that
                && host.equals(that.host)
                && port == that.port
                && database.equals(that.database)
                && user.equals(that.user)
                && password.equals(that.password)
                && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, user, parameters);
    }
}
