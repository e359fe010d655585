package nl.tafel.sharepoint.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** Links compared with every other link since this start (by drive and folder ids). */
    private final java.util.Set<UUID> placed = ConcurrentHashMap.newKeySet();
    private final LinkOverlap overlap;
    private final SyncAlerts alerts;

    SyncRunner(SyncEngine engine, SyncState state, GraphGateway graph, SharePointSettings settings,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock,
            @Value("${tafel.sharepoint.scheduled:true}") boolean scheduled, LinkOverlap overlap,
            SyncAlerts alerts) {
        this.overlap = overlap;
        this.alerts = alerts;
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
                if (!placed.contains(linkId) && overlaps(link)) {
                    return Outcome.STOPPED;
                }
                Instant started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored
                int pending = CurrentUser.callAsSharePoint(() -> engine.run(link));
                Instant now = clock.instant();
                // a change made in the space while this pass ran goes up in another pass right after
                state.succeeded(linkId, now, now.plus(settings.pollInterval()), pending, started);
                return Outcome.DONE;
            } catch (Throttled t) {
                log.info("SharePoint sync of space {} waits until {}: {}", link.space(), t.until(), t.getMessage());
                state.throttled(linkId, t.until());
                try {
                    // what waits, for the card (the pass did not get to count it)
                    state.pending(linkId, CurrentUser.callAsSharePoint(() -> engine.waiting(link)));
                } catch (RuntimeException e) {
                    log.debug("Could not count the changes waiting for space {}", link.space(), e);
                }
                return Outcome.THROTTLED;
            } catch (SyncEngine.Stopped s) {
                return Outcome.STOPPED;
            } catch (RuntimeException e) {
                Instant now = clock.instant();
                Duration wait = backoff(link.failures() + 1);
                String reference = Long.toString(System.nanoTime() & 0xFFFFFFL, 36).toUpperCase(java.util.Locale.ROOT);
                log.warn("SharePoint sync of space {} failed (try {} again in {}) [{}]: {}", link.space(),
                        link.failures() + 1, wait, reference, e.toString(), e instanceof GraphFailure ? null : e);
                state.failed(linkId, now, now.plus(wait), describe(e, reference));
                return Outcome.FAILED;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The stop reason of two links on one folder (or one inside the other). */
    public static final String OVERLAP = "overlap";

    /**
     * Compares a link, at its first pass since this start, with every other link by drive and folder ids (links made
     * before the comparison was by id may overlap): an overlap stops both, with an alert.
     */
    private boolean overlaps(Link link) {
        Optional<Link> other;
        try {
            other = CurrentUser.callAsSharePoint(() -> overlap.overlapping(overlap.of(link), link.id()));
        } catch (GraphFailure e) {
            if (e.status() == 404 || e.status() == 403) {
                return false; // the pass itself finds out whether the folder is gone
            }
            throw e;
        }
        if (other.isEmpty()) {
            placed.add(link.id());
            return false;
        }
        log.warn("SharePoint links of spaces {} and {} sync the same folder (or one inside the other): both stop",
                link.space(), other.get().space());
        for (Link l : List.of(link, other.get())) {
            state.stop(l.id(), OVERLAP);
            Link other2 = l == link ? other.get() : link;
            CurrentUser.callAsSharePoint(() -> {
                alerts.stoppedBecause(state.linkById(l.id()).orElse(l), "sharepoint.alert.overlap",
                        other2.site(), other2.library(), other2.folderPath());
                return null;
            });
        }
        return true;
    }

    static Duration backoff(int failures) {
        long seconds = 30L << Math.min(failures - 1, 6);
        return Duration.ofSeconds(Math.min(seconds, 1800));
    }

    /**
     * Why a pass failed, for the space's card: a translation key and its arguments (separated by U+001F), never the
     * raw text of an SQL or Graph error (that goes to the log, under the reference shown).
     */
    static String describe(RuntimeException e, String reference) {
        String key;
        if (e instanceof GraphFailure g) {
            key = switch (g.status()) {
                case 0 -> "sharepoint.error.network";
                case 401 -> "sharepoint.error.signIn";
                case 403 -> "sharepoint.error.forbidden";
                default -> g.status() >= 500 ? "sharepoint.error.unavailable" : "sharepoint.error.refused";
            };
        } else {
            key = "sharepoint.error.unexpected";
        }
        return key + "\u001F" + reference;
    }
}
