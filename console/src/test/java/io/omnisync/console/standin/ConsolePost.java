package io.omnisync.console.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One {@code POST /console/events} that the stand-in took (202), with the token it carried. */
public record ConsolePost(String token, JsonNode body) {
    public String type() {
        return body.path("type").asText();
    }

    public String text(String field) {
        return body.path(field).asText();
    }

    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
