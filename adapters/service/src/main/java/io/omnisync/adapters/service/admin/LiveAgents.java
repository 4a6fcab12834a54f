package io.omnisync.adapters.service.admin;

import io.javalin.http.Context;
import io.omnisync.adapters.service.ServiceLifecycle;
import io.omnisync.adapters.service.http.EventStream;
import io.omnisync.adapters.service.http.EventStreams;
import io.omnisync.application.delivery.DeliverCommands;
import io.omnisync.application.query.QueryAgents;
import io.omnisync.application.watch.EngineWatcher;
import io.omnisync.domain.agent.AgentId;
import io.omnisync.domain.session.AgentSession;
import io.omnisync.domain.sync.Fact;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's live view ({@code GET /api/stream}): {@code event: agent} with an agent's entry of {@code GET
 * /api/agents} whenever it changed, and {@code event: settings} with {@code {"settings": {...}}} when they did. The
 * engine says what it touched (after each commit); changes are gathered and sent at most every 250 ms, each agent
 * once, read as they are then. Nothing is read while nobody watches.
 */
@Singleton
public final class LiveAgents implements ServiceLifecycle, EngineWatcher {

    static final long FLUSH_MILLIS = 250;

    private static final Logger LOG = LoggerFactory.getLogger(LiveAgents.class);

    private final EventStreams streams;
    private final Provider<QueryAgents> agents;
    private final Provider<DeliverCommands> delivery;
    private final Set<EventStream> watchers = ConcurrentHashMap.newKeySet();
    private final Set<AgentId> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean everyone = new AtomicBoolean();
    private final AtomicBoolean settings = new AtomicBoolean();
    private ScheduledExecutorService publisher;

    @Inject
    public LiveAgents(EventStreams streams, Provider<QueryAgents> agents, Provider<DeliverCommands> delivery) {
        this.streams = streams;
        this.agents = agents;
        this.delivery = delivery;
    }

    /** Answers {@code context} with a stream of changes, until the reader goes away or the service stops. */
    public void subscribe(Context context) {
        EventStream stream = streams.open(context);
        watchers.add(stream);
        stream.onClose(() -> watchers.remove(stream));
    }

    public int watching() {
        return watchers.size();
    }

    /** What the engine knows of {@code agent} changed. */
    public void touched(AgentId agent) {
        if (!watchers.isEmpty()) {
            changed.add(agent);
        }
    }

    /**
     * What {@code facts} say changed: the agents they are about; the settings when they were changed; everyone when a
     * configuration was applied. Told by the in-process engine's watcher, or on Kafka by the facts topic.
     */
    @Override
    public void recorded(Seq<Fact> facts) {
        for (Fact fact : facts) {
            if (fact instanceof Fact.SettingsChanged || fact instanceof Fact.RuleToggled) {
                settingsChanged();
            } else if (fact instanceof Fact.ConfigurationApplied) {
                settingsChanged();
                touchedEveryone();
            }
            fact.about().forEach(this::touched);
        }
    }

    /** Every agent may have changed (a configuration was applied, sync turned on). */
    public void touchedEveryone() {
        if (!watchers.isEmpty()) {
            everyone.set(true);
        }
    }

    public void settingsChanged() {
        if (!watchers.isEmpty()) {
            settings.set(true);
        }
    }

    @Override
    public synchronized void start() {
        if (publisher != null) {
            return;
        }
        publisher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "omnisync-live-agents");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledFuture<?> unused =
                publisher.scheduleWithFixedDelay(this::publish, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (publisher != null) {
            publisher.shutdownNow();
            publisher = null;
        }
        watchers.forEach(EventStream::close);
    }

    private void publish() {
        try {
            if (watchers.isEmpty()) {
                changed.clear();
                everyone.set(false);
                settings.set(false);
                return;
            }
            List<String> events = new ArrayList<>();
            if (settings.getAndSet(false)) {
                events.add(Views.settingsAnswer(agents.get().configuration().settings())
                        .toString());
            }
            List<AgentSession> sessions = new ArrayList<>();
            if (everyone.getAndSet(false)) {
                changed.clear();
                agents.get().agents().forEach(sessions::add);
            } else {
                List<AgentId> touched = new ArrayList<>(changed);
                changed.removeAll(touched);
                agents.get().agents(HashSet.ofAll(touched)).forEach(sessions::add);
            }
            if (sessions.isEmpty() && events.isEmpty()) {
                return;
            }
            Map<AgentId, Integer> pending =
                    AgentsEndpoints.pendingPerAgent(delivery.get().pending());
            for (EventStream watcher : watchers) {
                events.forEach(data -> watcher.send("settings", data));
                for (AgentSession session : sessions) {
                    watcher.send(
                            "agent",
                            Views.agent(session, pending.getOrDefault(session.agent(), 0))
                                    .toString());
                }
            }
        } catch (RuntimeException broken) {
            LOG.warn("the live view could not be published: {}", broken.toString());
        }
    }
}
