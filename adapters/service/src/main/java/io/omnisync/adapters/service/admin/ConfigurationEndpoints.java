package io.omnisync.adapters.service.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnisync.adapters.service.http.ApiError;
import io.omnisync.adapters.service.http.ApiRequest;
import io.omnisync.adapters.service.http.Json;
import io.omnisync.adapters.service.http.RouteGroup;
import io.omnisync.adapters.service.http.Routes;
import io.omnisync.adapters.service.security.AdminAccess;
import io.omnisync.application.admin.ConfigurationDocuments;
import io.omnisync.application.admin.LoadConfiguration;
import io.omnisync.application.admin.LoadResult;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.domain.configuration.Configuration;
import io.omnisync.domain.configuration.Problem;
import io.omnisync.domain.configuration.ServiceReadiness;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running configuration (SPEC 10.3): {@code GET /api/configuration} (as the configuration file), {@code PUT
 * /api/configuration} (a replacement, applied whole or refused whole with every problem as {@code validate} prints
 * it), and the lead's {@code POST /api/configuration/check} (the same problems, applying nothing, for the admin page
 * to show them as the admin edits). A configuration the service could not run (SPEC 10's service readiness: Salesforce
 * Ids, {@code vendors.talkdesk}) is refused like an invalid one.
 */
@Singleton
public final class ConfigurationEndpoints implements RouteGroup {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationEndpoints.class);
    private static final String BODY = "the request body";

    private final AdminAccess access;
    private final ConfigurationDocuments documents;
    private final LoadConfiguration loader;
    private final QueryAgents agents;

    @Inject
    public ConfigurationEndpoints(
            AdminAccess access, ConfigurationDocuments documents, LoadConfiguration loader, QueryAgents agents) {
        this.access = access;
        this.documents = documents;
        this.loader = loader;
        this.agents = agents;
    }

    @Override
    public void addTo(Routes routes) {
        routes.get("/api/configuration", access, this::running);
        routes.put("/api/configuration", access, this::replace);
        routes.post("/api/configuration/check", access, this::check);
    }

    private void running(ApiRequest request) {
        request.respond(
                200, "application/json", documents.write(agents.configuration().draft()));
    }

    private void check(ApiRequest request) {
        ConfigurationDocuments.Read read = read(request);
        Checked checked = checked(read);
        ObjectNode answer = Json.object();
        answer.set("problems", Views.problems(checked.problems(), read.lineOf()));
        request.respond(200, answer);
    }

    private void replace(ApiRequest request) {
        ConfigurationDocuments.Read read = read(request);
        Checked checked = checked(read);
        if (checked.problems().exists(Problem::isError)) {
            throw ApiError.invalidConfiguration(
                    "the configuration has errors; nothing was applied, the running one stays",
                    Views.problems(checked.problems(), read.lineOf()));
        }
        LoadResult result = loader.load(read.draft());
        if (result instanceof LoadResult.Rejected rejected) {
            throw ApiError.invalidConfiguration(
                    "the configuration has errors; nothing was applied, the running one stays",
                    Views.problems(rejected.problems(), read.lineOf()));
        }
        LoadResult.Applied applied = (LoadResult.Applied) result;
        LOG.info(
                "a configuration was applied through the admin API: {} agents, {} warning(s), {} command(s)",
                applied.configuration().agents().size(),
                applied.warnings().size(),
                applied.commands().size());
        ObjectNode answer = Json.object();
        answer.set("problems", Views.problems(applied.warnings(), read.lineOf()));
        request.respond(200, answer);
    }

    private ConfigurationDocuments.Read read(ApiRequest request) {
        return documents.read(request.bodyText(), BODY).getOrElseThrow(ApiError::badRequest);
    }

    /** Every problem: the rules of SPEC 3 first; for a valid configuration, its warnings and what serve needs. */
    private static Checked checked(ConfigurationDocuments.Read read) {
        Validation<Seq<Problem>, Configuration> validated = Configuration.validate(read.draft());
        if (validated.isInvalid()) {
            return new Checked(validated.getError());
        }
        Configuration configuration = validated.get();
        return new Checked(ServiceReadiness.check(configuration).appendAll(configuration.warnings()));
    }

    private record Checked(Seq<Problem> problems) {}
}
