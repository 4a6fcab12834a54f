package io.omnisync.domain.configuration;

import io.omnisync.domain.rules.PresenceSyncRule;
import io.omnisync.domain.rules.RuleAction;
import io.omnisync.domain.status.OmniStatus;
import io.omnisync.domain.status.PresenceStatusId;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a valid configuration also needs before the service runs it against the real vendors
 * (SPEC 6 and 10): every mapped presence status names the Salesforce Id of its
 * ServicePresenceStatus record (the console bridge sets a status by that Id), and {@code
 * vendors.talkdesk} says where Talkdesk's Presence API and token endpoint are and which scopes to
 * ask for. {@code validate}, {@code plan} and {@code simulate} do not ask for it; {@code serve}
 * refuses to start (and the admin API to apply a replacement) without it. Every problem at once,
 * with the same codes, paths and sentences as the rest of the validation.
 */
public final class ServiceReadiness {

    /** A Salesforce record Id: 15 characters, or 18 with the case-safe suffix. */
    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?");

    /** {@code http(s)://authority[/path][?query]}, the authority (group 1) not empty; no spaces anywhere. */
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://([^/?#\\s]+)(?:[/?#]\\S*)?");

    private ServiceReadiness() {}

    /** The problems that keep {@code configuration} from being served; empty when it is ready. */
    public static Seq<Problem> check(Configuration configuration) {
        ConfigurationDraft draft = configuration.draft();
        return salesforceIds(draft, mappedPresenceStatuses(configuration)).appendAll(talkdesk(draft));
    }

    /**
     * The presence statuses the mapping or a rule names, in either direction: Omnisync sets them
     * (Talkdesk → Omni), or reads them back from the console (Omni → Talkdesk).
     */
    static Set<String> mappedPresenceStatuses(Configuration configuration) {
        Seq<String> targets = configuration
                .mapping()
                .talkdeskToOmni()
                .values()
                .map(PresenceStatusId::apiName)
                .toList();
        Seq<String> sources = configuration
                .mapping()
                .omniToTalkdesk()
                .keySet()
                .filter(status -> !status.isOffline())
                .map(OmniStatus::wireName)
                .toList();
        Seq<String> ruled = configuration
                .rules()
                .rules()
                .map(PresenceSyncRule::action)
                .filter(RuleAction.SetOmni.class::isInstance)
                .map(action -> ((RuleAction.SetOmni) action).status().apiName());
        return LinkedHashSet.ofAll(targets).addAll(sources).addAll(ruled);
    }

    private static Seq<Problem> salesforceIds(ConfigurationDraft draft, Set<String> mapped) {
        Seq<Problem> problems = List.empty();
        Seq<ConfigurationDraft.PresenceStatusDraft> statuses =
                draft.omniChannel().presenceStatuses();
        for (int i = 0; i < statuses.size(); i++) {
            ConfigurationDraft.PresenceStatusDraft status = statuses.get(i);
            if (!mapped.contains(status.apiName())) {
                continue;
            }
            String path = "omniChannel.presenceStatuses[" + i + "].salesforceId";
            Option<String> id = status.salesforceId();
            if (id.isEmpty() || id.get().isBlank()) {
                problems = problems.append(new Problem(
                        ProblemCode.MISSING_VENDOR_SETTING,
                        path,
                        "presence status '" + status.apiName() + "' is mapped but has no salesforceId: the "
                                + "Omni-Channel console sets a status by the Id of its ServicePresenceStatus record "
                                + "(Setup > Presence Statuses, 15 or 18 characters)"));
            } else if (!SALESFORCE_ID.matcher(id.get()).matches()) {
                problems = problems.append(new Problem(
                        ProblemCode.INVALID_VALUE,
                        path,
                        "the salesforceId of presence status '" + status.apiName() + "' is not a Salesforce Id "
                                + "(15 or 18 letters and digits)"));
            }
        }
        return problems;
    }

    private static Seq<Problem> talkdesk(ConfigurationDraft draft) {
        Option<ConfigurationDraft.TalkdeskVendorDraft> vendor =
                draft.vendors().flatMap(ConfigurationDraft.VendorsDraft::talkdesk);
        if (vendor.isEmpty()) {
            return List.of(new Problem(
                    ProblemCode.MISSING_VENDOR_SETTING,
                    "vendors.talkdesk",
                    "the service needs vendors.talkdesk {\"apiBaseUrl\", \"tokenUrl\", \"scopes\"} to reach "
                            + "Talkdesk's Presence API"));
        }
        ConfigurationDraft.TalkdeskVendorDraft talkdesk = vendor.get();
        Seq<Problem> problems = List.empty();
        problems = problems.appendAll(url(talkdesk.apiBaseUrl(), "vendors.talkdesk.apiBaseUrl", "the Presence API"));
        problems =
                problems.appendAll(url(talkdesk.tokenUrl(), "vendors.talkdesk.tokenUrl", "the OAuth2 token endpoint"));
        if (talkdesk.scopes().isEmpty()) {
            problems = problems.append(new Problem(
                    ProblemCode.MISSING_VENDOR_SETTING,
                    "vendors.talkdesk.scopes",
                    "Talkdesk grants a token only for named scopes: list at least one (e.g. "
                            + "\"presence-user:write\")"));
        }
        for (int i = 0; i < talkdesk.scopes().size(); i++) {
            String scope = talkdesk.scopes().get(i);
            if (scope == null || scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
                problems = problems.append(new Problem(
                        ProblemCode.INVALID_VALUE,
                        "vendors.talkdesk.scopes[" + i + "]",
                        "a scope is one word without spaces"));
            }
        }
        return problems;
    }

    private static Seq<Problem> url(String value, String path, String what) {
        if (value == null || value.isBlank()) {
            return List.of(new Problem(
                    ProblemCode.MISSING_VENDOR_SETTING, path, "the service needs the URL of Talkdesk's " + what));
        }
        Matcher url = HTTP_URL.matcher(value);
        if (!url.matches()) {
            return List.of(
                    new Problem(ProblemCode.INVALID_VALUE, path, "not an absolute http(s) URL of Talkdesk's " + what));
        }
        if (url.group(1).contains("@") || value.contains("?")) {
            return List.of(new Problem(
                    ProblemCode.INVALID_VALUE,
                    path,
                    "the URL of Talkdesk's " + what + " carries user info or a query; no secret goes in the "
                            + "configuration (they come from the secrets file or the environment)"));
        }
        return List.empty();
    }
}
