package io.omnisync.adapters.service.page;

import io.omnisync.adapters.service.http.Access;
import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.adapters.service.http.ApiRequest;
import io.omnisync.adapters.service.http.RouteGroup;
import io.omnisync.adapters.service.http.Routes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The administrator's page (issue 16) at {@code /}: its files from the classpath ({@code omnisync/admin/}, the
 * admin-page module's jar), under a strict Content-Security-Policy: no inline script or style, and no origin but the
 * service's own. The page signs in with the admin token and keeps it in the tab's session storage; the files
 * themselves need no token (they hold nothing secret).
 */
@Singleton
public final class AdminPage implements RouteGroup {

    static final String ROOT = "omnisync/admin";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9_-]+\\.(html|js|css|svg|png)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    @Override
    public void addTo(Routes routes) {
        routes.get("/", Access.ANYONE, request -> serve(request, "index.html"));
        routes.get("/assets/{file}", Access.ANYONE, request -> serve(request, "assets/" + asset(request)));
    }

    private static String asset(ApiRequest request) {
        String file = request.pathParam("file");
        if (!ASSET.matcher(file).matches()) {
            throw ApiError.notFound("no such page asset");
        }
        return file;
    }

    private static void serve(ApiRequest request, String file) throws IOException {
        String extension = file.substring(file.lastIndexOf('.') + 1);
        try (InputStream in = AdminPage.class.getClassLoader().getResourceAsStream(ROOT + "/" + file)) {
            if (in == null || !TYPES.containsKey(extension)) {
                throw ApiError.notFound("no such page asset");
            }
            byte[] body = in.readAllBytes();
            request.context()
                    .status(200)
                    .contentType(TYPES.get(extension))
                    .header("Cache-Control", "no-cache")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("Referrer-Policy", "no-referrer")
                    .result(body);
        }
    }
}
