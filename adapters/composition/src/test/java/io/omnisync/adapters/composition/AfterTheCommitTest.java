package io.omnisync.adapters.composition;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import io.omnisync.adapters.composition.OmnisyncFacadeTest.Vendors;
import io.omnisync.adapters.configjson.JsonConfigurationFile;
import io.omnisync.adapters.memory.InMemoryStoreModule;
import io.omnisync.application.admin.ReplacePolicy;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.configuration.ConfigurationDraft;
import io.omnisync.domain.settings.IntegrationSettings;
import io.omnisync.domain.status.TalkdeskStatusId;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.Seq;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Once a decision is committed, what follows (the facts recorded and watched, the delivery woken) cannot undo it: a
 * failure there is logged, the caller gets its decision, and the commands go out. Otherwise a webhook would be
 * answered 500 for an event that is stored, and sent again.
 */
class AfterTheCommitTest {

    private static final Instant NINE = Instant.parse("2026-01-06T09:00:00Z");

    /** A watcher that breaks on every fact, as a metrics registry or a live view with a bug would. */
    static final class BrokenWatcher extends AbstractModule implements EngineWatcher {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        protected void configure() {
            OptionalBinder.newOptionalBinder(binder(), EngineWatcher.class)
                    .setBinding()
                    .toInstance(this);
        }

        @Override
        public void recorded(Seq<Fact> facts) {
            calls.incrementAndGet();
            throw new IllegalStateException("the watcher broke");
        }
    }

    @Test
    void a_watcher_that_breaks_after_the_commit_neither_fails_the_report_nor_loses_its_command() {
        Vendors vendors = new Vendors();
        BrokenWatcher watcher = new BrokenWatcher();
        Omnisync omnisync = Omnisync.create(vendors, new InMemoryStoreModule(), watcher);
        ConfigurationDraft contactCenter = JsonConfigurationFile.read(Path.of("../../examples/contact-center.json"))
                .get()
                .draft()
                .withSettings(new IntegrationSettings(true, false, false));
        omnisync.start(contactCenter, ReplacePolicy.REFUSE_DIFFERENT);
        omnisync.deliverDue();
        vendors.calls.clear();

        omnisync.talkdeskStatusChanged("joao", "lunch", "td-after-commit", NINE);

        assertThat(watcher.calls.get()).isPositive();
        assertThat(omnisync.agent("joao").get().talkdeskStatus()).isEqualTo(TalkdeskStatusId.of("lunch"));
        assertThat(omnisync.pendingCommands()).isNotEmpty();
        omnisync.deliverDue();
        assertThat(vendors.calls).anySatisfy(call -> assertThat(call).startsWith("omni joao "));
    }
}
