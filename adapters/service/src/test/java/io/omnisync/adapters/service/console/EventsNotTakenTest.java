package io.omnisync.adapters.service.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.adapters.service.RunningService;
import io.omnisync.application.reporting.AcceptReportedChange;
import io.omnisync.application.reporting.ReportNotTaken;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Acknowledged means durable", when the engine cannot make an event durable (on Kafka: the broker did not
 * acknowledge it): the webhook and the console event are answered {@code 503 UNAVAILABLE}, never 202, and nothing is
 * recorded, so the sender sends them again.
 */
class EventsNotTakenTest {

    private RunningService service;

    @BeforeEach
    void start() {
        service = RunningService.start(Modules.combine(new InMemoryStoreModule(), new AbstractModule() {
            @Override
            protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), AcceptReportedChange.class)
                        .setBinding()
                        .toInstance(event -> {
                            throw new ReportNotTaken("the events topic did not acknowledge it", new TimeoutException());
                        });
            }
        }));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void a_webhook_that_could_not_be_made_durable_is_503_and_changes_nothing() {
        int facts = service.parts.audit.recent(1000).size();

        HttpResponse<String> answer = service.postSignedWebhook(
                RunningService.statusChanged(RunningService.newEventId(), "td-1001", "lunch", service.clock.instant()));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(RunningService.json(answer).path("error").asText()).isEqualTo("UNAVAILABLE");
        assertThat(service.agent("maria").path("talkdesk").asText()).isEqualTo("available");
        assertThat(service.parts.audit.recent(1000)).hasSize(facts);
    }

    @Test
    void a_console_event_that_could_not_be_made_durable_is_503_and_changes_nothing() {
        String token = Tokens.valid(Tokens.MARIA, service.clock.instant().plus(Duration.ofMinutes(30)));

        HttpResponse<String> answer = new ConsoleClient(service)
                .post(
                        token,
                        ConsoleClient.statusChanged(
                                RunningService.newEventId(), "Chat_Only", "0N5000000000002AAA", null));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(RunningService.json(answer).path("error").asText()).isEqualTo("UNAVAILABLE");
        assertThat(service.agent("maria").path("omni").asText()).isEqualTo("Available_for_Calls");
    }
}
