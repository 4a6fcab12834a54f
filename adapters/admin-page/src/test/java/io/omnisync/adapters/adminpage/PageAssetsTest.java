package io.omnisync.adapters.adminpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the jar carries for the service to serve (omnisync/admin/ on the classpath): relative URLs
 * only, so the page works under any prefix; no inline script, style or handler, so a strict
 * Content-Security-Policy fits; and every element the scripts ask for by id exists.
 */
class PageAssetsTest {

    private static final String ROOT = "omnisync/admin/";
    private static final List<String> SCRIPTS = List.of(
            "main.js",
            "api.js",
            "dom.js",
            "session.js",
            "stream.js",
            "model.js",
            "problems.js",
            "mapping-view.js",
            "settings-view.js",
            "rules-view.js",
            "agents-view.js");

    @Test
    void the_page_refers_to_its_assets_and_the_api_by_relative_urls_only() throws IOException {
        String html = read("index.html");
        assertThat(attributes(html, "(?:src|href)"))
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).doesNotStartWith("/").doesNotContain("//"));
        for (String script : SCRIPTS) {
            String code = read("assets/" + script);
            assertThat(code)
                    .as(script)
                    .doesNotContain("'/api")
                    .doesNotContain("`/api")
                    .doesNotContain("http://");
            Matcher imports = Pattern.compile("from '([^']+)'").matcher(code);
            while (imports.find()) {
                assertThat(imports.group(1)).as("an import in %s", script).startsWith("./");
                assertThat(exists("assets/" + imports.group(1).substring(2)))
                        .as("%s imports %s", script, imports.group(1))
                        .isTrue();
            }
        }
    }

    @Test
    void the_page_has_no_inline_script_style_or_handler() throws IOException {
        String html = read("index.html");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("\\sstyle=\"");
        assertThat(html).doesNotContainPattern("\\son[a-z]+=\"");
        assertThat(html).doesNotContain("<style");
    }

    @Test
    void every_element_the_scripts_ask_for_by_id_is_on_the_page() throws IOException {
        Set<String> ids = new LinkedHashSet<>(attributes(read("index.html"), "id"));
        for (String script : SCRIPTS) {
            Matcher byId = Pattern.compile("byId\\('([^']+)'\\)").matcher(read("assets/" + script));
            while (byId.find()) {
                assertThat(ids).as("#%s used by %s", byId.group(1), script).contains(byId.group(1));
            }
        }
    }

    private static List<String> attributes(String html, String name) {
        Matcher matcher = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(html);
        List<String> values = new java.util.ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static boolean exists(String file) {
        return PageAssetsTest.class.getClassLoader().getResource(ROOT + file) != null;
    }

    private static String read(String file) throws IOException {
        try (InputStream stream = PageAssetsTest.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            assertThat(stream).as(ROOT + file).isNotNull();
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
