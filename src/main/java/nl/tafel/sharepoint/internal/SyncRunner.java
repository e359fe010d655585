package nl.tafel.sharepoint.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import nl.tafel.shared.CurrentUser;
import nl.tafel.sharepoint.internal.SyncState.Link;
import nl.tafel.sharepoint.internal.SyncState.LinkState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs sync passes: every few seconds for the links that are due (their {@code next_run_at} is persisted, so a wait
 * SharePoint asked for outlives a restart), and at once when asked. One pass per link at a time; Tafel runs as a
 * single node.
 */
@Component
public class SyncRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    /** How a pass ended. */
    public enum Outcome {
        DONE, THROTTLED, STOPPED, FAILED, BUSY, NOT_LINKED
    }

    private final SyncEngine engine;
    private final SyncState state;
    private final GraphGateway graph;
    private final SharePointSettings settings;
    private final TaskExecutor executor;
    private final Clock clock;
    private final boolean scheduled;
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    SyncRunner(SyncEngine engine, SyncState state, GraphGateway graph, SharePointSettings settings,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock,
            @Value("${tafel.sharepoint.scheduled:true}") boolean scheduled) {
        this.engine = engine;
        this.state = state;
        this.graph = graph;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelayString = "${tafel.sharepoint.tick:5s}", initialDelayString = "${tafel.sharepoint.tick:5s}")
    void tick() {
        if (!scheduled || !graph.configured()) {
            return;
        }
        for (Link link : state.dueLinks(clock.instant())) {
            run(link.id(), false);
        }
    }

    /** Starts a pass in the background. */
    public void kick(UUID link) {
        if (graph.configured()) {
            executor.execute(() -> run(link, false));
        }
    }

    /** Runs one pass now, on this thread, after a pass already running for the link has ended. */
    public Outcome run(UUID linkId) {
        return run(linkId, true);
    }

    private Outcome run(UUID linkId, boolean waitForLock) {
        ReentrantLock lock = locks.computeIfAbsent(linkId, id -> new ReentrantLock());
        if (waitForLock) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return Outcome.BUSY;
        }
        try {
            Link link = state.linkById(linkId).orElse(null);
            if (link == null) {
                return Outcome.NOT_LINKED;
            }
            if (link.state() == LinkState.STOPPED) {
                return Outcome.STOPPED;
            }
            try {
                // a wait SharePoint asked for before a restart still holds
                state.throttledUntil().ifPresent(graph::waitAtLeastUntil);
                int pending = CurrentUser.callAsSharePoint(() -> engine.run(link));
                Instant now = clock.instant();
                state.succeeded(linkId, now, now.plus(settings.pollInterval()), pending);
                return Outcome.DONE;
            } catch (Throttled t) {
                log.info("SharePoint sync of space {} waits until {}: {}", link.space(), t.until(), t.getMessage());
                state.throttled(linkId, t.until());
                return Outcome.THROTTLED;
            } catch (SyncEngine.Stopped s) {
                return Outcome.STOPPED;
            } catch (RuntimeException e) {
                Instant now = clock.instant();
                Duration wait = backoff(link.failures() + 1);
                log.warn("SharePoint sync of space {} failed (try {} again in {}): {}", link.space(),
                        link.failures() + 1, wait, e.toString());
                state.failed(linkId, now, now.plus(wait), describe(e));
                return Outcome.FAILED;
            }
        } finally {
            lock.unlock();
        }
    }

    static Duration backoff(int failures) {
        long seconds = 30L << Math.min(failures - 1, 6);
        return Duration.ofSeconds(Math.min(seconds, 1800));
    }

    private static String describe(RuntimeException e) {
        if (e instanceof GraphFailure g) {
            return g.status() == 0 ? "network: " + g.getMessage() : g.getMessage();
        }
        return e.toString();
    }
}
