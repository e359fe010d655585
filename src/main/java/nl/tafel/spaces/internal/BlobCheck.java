package nl.tafel.spaces.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.tafel.spaces.BlobReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares the blob store with the database: content that versions point at but that is missing (data loss, to be
 * restored from a backup), and content nothing points at (left by an interrupted upload or purge). Runs after every
 * start, in the background, and on demand from the storage page.
 */
@Component
public class BlobCheck {

    private static final Logger log = LoggerFactory.getLogger(BlobCheck.class);

    private final JdbcTemplate jdbc;
    private final BlobStore blobs;
    private final Clock clock;
    private volatile BlobReport last;

    BlobCheck(JdbcTemplate jdbc, BlobStore blobs, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.clock = clock;
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        try {
            cleanStaging();
            BlobReport report = check();
            if (!report.missing().isEmpty()) {
                log.error("Blob check: {} file(s) missing from the store, e.g. {}", report.missing().size(),
                        report.missing().getFirst());
            } else if (!report.orphaned().isEmpty()) {
                log.warn("Blob check: {} stored file(s) that no document version points at",
                        report.orphaned().size());
            } else {
                log.info("Blob check: {} file(s), all present", report.stored());
            }
        } catch (RuntimeException e) {
            log.warn("Blob check at start failed", e);
        }
    }

    /** Staged files of uploads that died (kill -9, a crash) are removed at start and every hour. */
    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    public void cleanStaging() {
        if (blobs instanceof LocalBlobStore local) {
            try {
                int removed = local.cleanStaging();
                if (removed > 0) {
                    log.info("Removed {} staged file(s) of uploads that did not finish", removed);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Cleaning the staging area failed", e);
            }
        }
    }

    public BlobReport check() {
        Set<String> referenced = new HashSet<>(jdbc.queryForList("select distinct sha256 from document_version",
                String.class));
        Set<String> stored = new HashSet<>();
        try (Stream<String> list = blobs.list()) {
            list.forEach(stored::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = referenced.stream().filter(sha -> !stored.contains(sha)).sorted().toList();
        List<String> orphaned = stored.stream().filter(sha -> !referenced.contains(sha)).sorted().toList();
        BlobReport report = new BlobReport(clock.instant(), stored.size(), referenced.size(), missing, orphaned);
        last = report;
        return report;
    }

    public BlobReport last() {
        return last;
    }
}
