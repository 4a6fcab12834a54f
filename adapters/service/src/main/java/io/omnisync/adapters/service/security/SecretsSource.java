package io.omnisync.adapters.service.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the secrets come from (SPEC 10): a JSON file of five strings ({@code --secrets FILE}), and the environment,
 * which wins secret by secret. A file its group or others may read is refused, as ssh refuses such a key; a missing
 * secret is refused by name; the webhook secret, the console secret and the admin token must be at least 32 bytes.
 * Whatever is refused, the reason names the file or the secret and never shows a value.
 */
public final class SecretsSource {

    /** SPEC 10: at least 32 bytes for the keys Omnisync itself checks. */
    public static final int MIN_BYTES = 32;

    /** A secret's name in the file, its variable in the environment, and the least bytes it needs. */
    private record Name(String json, String environment, int minBytes) {}

    private static final List<Name> NAMES = List.of(
            new Name("talkdeskClientId", "OMNISYNC_TALKDESK_CLIENT_ID", 1),
            new Name("talkdeskClientSecret", "OMNISYNC_TALKDESK_CLIENT_SECRET", 1),
            new Name("webhookSecret", "OMNISYNC_WEBHOOK_SECRET", MIN_BYTES),
            new Name("consoleSecret", "OMNISYNC_CONSOLE_SECRET", MIN_BYTES),
            new Name("adminToken", "OMNISYNC_ADMIN_TOKEN", MIN_BYTES));

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SecretsSource() {}

    /**
     * The secrets from {@code file} (when given) and {@code environment}; on the left, why they cannot be had, in one
     * sentence naming the file or the secrets.
     */
    public static Either<String, ServiceSecrets> read(Optional<Path> file, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file.isPresent()) {
            Either<String, Map<String, String>> fromFile = readFile(file.get());
            if (fromFile.isLeft()) {
                return Either.left(fromFile.getLeft());
            }
            values.putAll(fromFile.get());
        }
        for (Name name : NAMES) {
            String fromEnvironment = environment.get(name.environment());
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                values.put(name.json(), fromEnvironment);
            }
        }
        List<String> missing = NAMES.stream()
                .filter(name -> values.getOrDefault(name.json(), "").isBlank())
                .map(name -> name.json() + " (or " + name.environment() + ")")
                .toList();
        if (!missing.isEmpty()) {
            return Either.left("missing secret" + (missing.size() == 1 ? "" : "s") + ": " + String.join(", ", missing)
                    + file.map(path -> "; not in " + path + " nor in the environment")
                            .orElse("; give --secrets FILE or set the environment variables"));
        }
        List<String> tooShort = NAMES.stream()
                .filter(name -> values.get(name.json()).getBytes(StandardCharsets.UTF_8).length < name.minBytes())
                .map(Name::json)
                .toList();
        if (!tooShort.isEmpty()) {
            return Either.left(String.join(", ", tooShort) + (tooShort.size() == 1 ? " is" : " are") + " shorter than "
                    + MIN_BYTES + " bytes; use long random values (e.g. openssl rand -hex 32)");
        }
        return Either.right(new ServiceSecrets(
                secret(values, NAMES.get(0)),
                secret(values, NAMES.get(1)),
                secret(values, NAMES.get(2)),
                secret(values, NAMES.get(3)),
                secret(values, NAMES.get(4))));
    }

    private static Secret secret(Map<String, String> values, Name name) {
        return Secret.of(name.json(), values.get(name.json()));
    }

    private static Either<String, Map<String, String>> readFile(Path file) {
        Optional<String> exposed = exposedTo(file);
        if (exposed.isPresent()) {
            return Either.left(exposed.get());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Either.left(
                    "cannot read the secrets file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Jackson's own message may quote the text around the error, which is a secret: only say where
            return Either.left("the secrets file " + file + " is not valid JSON"
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            return Either.left(
                    "cannot read the secrets file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            return Either.left("the secrets file " + file + " must be a JSON object of strings: "
                    + NAMES.stream().map(Name::json).collect(Collectors.joining(", ")));
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> known = NAMES.stream().map(Name::json).toList();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!known.contains(field.getKey())) {
                return Either.left("the secrets file " + file + " has an unknown field '" + field.getKey()
                        + "' (known: " + String.join(", ", known) + ")");
            }
            if (!field.getValue().isTextual()) {
                return Either.left("'" + field.getKey() + "' in the secrets file " + file + " must be a string");
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return Either.right(values);
    }

    /** Why the file is refused for its permissions ({@code mode & 077}), if it is; file systems without modes pass. */
    private static Optional<String> exposedTo(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException noModes) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(
                    "cannot read the secrets file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        List<PosixFilePermission> exposed = new ArrayList<>(permissions);
        exposed.retainAll(GROUP_OR_OTHERS);
        if (exposed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the secrets file " + file + " can be read or written by its group or others (mode "
                + mode(permissions) + "); make it private to its owner: chmod 600 " + file);
    }

    private static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= switch (permission) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return String.format("0%o", mode);
    }
}
