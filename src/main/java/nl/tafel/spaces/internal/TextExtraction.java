package nl.tafel.spaces.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tafel.spaces.TextStatus;
import org.apache.tika.exception.WriteLimitReachedException;
import org.jspecify.annotations.Nullable;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Extracts the text of each stored version for the search to come, in the background. The work list is the
 * database (versions whose text is PENDING), so nothing is lost on a restart and several instances share the work
 * (a version is claimed with a conditional update). Each file gets a time limit: a hostile file that makes a parser
 * spin is given up (TIMED_OUT) and its thread abandoned, while the application carries on.
 */
@Component
public class TextExtraction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);
    private static final Duration STALE_CLAIM = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final BlobStore blobs;
    private final SpacesSettings settings;
    private final Clock clock;
    private final AutoDetectParser parser = new AutoDetectParser();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile ExecutorService workers;

    TextExtraction(JdbcTemplate jdbc, BlobStore blobs, SpacesSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
        this.workers = newWorkers();
    }

    private ExecutorService newWorkers() {
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "tafel-text-" + threads.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        };
        return Executors.newSingleThreadExecutor(factory);
    }

    @Scheduled(initialDelayString = "${tafel.spaces.text-poll:2s}", fixedDelayString = "${tafel.spaces.text-poll:2s}")
    public void extractPending() {
        jdbc.update("update document_version set text_status = 'PENDING', text_claimed_at = null"
                + " where text_status = 'RUNNING' and text_claimed_at < ?",
                java.sql.Timestamp.from(clock.instant().minus(STALE_CLAIM)));
        List<Row> pending = jdbc.query("""
                select id, sha256, media_type from document_version where text_status = 'PENDING'
                order by uploaded_at limit 20""",
                (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("sha256"), rs.getString("media_type")));
        for (Row row : pending) {
            if (claim(row.id())) {
                extract(row);
            }
        }
    }

    private record Row(UUID id, String sha256, String mediaType) {
    }

    private boolean claim(UUID id) {
        return jdbc.update("update document_version set text_status = 'RUNNING', text_claimed_at = ?"
                + " where id = ? and text_status = 'PENDING'", java.sql.Timestamp.from(clock.instant()), id) == 1;
    }

    private void extract(Row row) {
        Outcome outcome = extractText(row.sha256(), row.mediaType());
        if (outcome.status() == TextStatus.TIMED_OUT) {
            log.warn("Text extraction of version {} took longer than {}; given up", row.id(),
                    settings.textTimeout());
        }
        finish(row.id(), outcome.status(), outcome.text(), outcome.truncated());
    }

    /** What extraction of one piece of content gave. */
    record Outcome(TextStatus status, @Nullable String text, boolean truncated) {
    }

    /** Extracts the text of stored content within the time limit; never throws. */
    Outcome extractText(String sha256, String mediaType) {
        if (!hasText(mediaType)) {
            return new Outcome(TextStatus.NONE, null, false);
        }
        Future<Result> future = workers.submit(() -> parse(sha256));
        try {
            Result result = future.get(settings.textTimeout().toMillis(), TimeUnit.MILLISECONDS);
            String text = result.text().strip();
            return new Outcome(text.isEmpty() ? TextStatus.NONE : TextStatus.DONE, text, result.truncated());
        } catch (TimeoutException e) {
            future.cancel(true);
            // A stuck parser may ignore the interrupt and keep its thread; later files get a fresh one.
            workers.shutdownNow();
            workers = newWorkers();
            return new Outcome(TextStatus.TIMED_OUT, null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(TextStatus.PENDING, null, false);
        } catch (Exception e) {
            log.info("No text from content {}: {}", sha256, e.toString());
            return new Outcome(TextStatus.FAILED, null, false);
        }
    }

    private record Result(String text, boolean truncated) {
    }

    private Result parse(String sha256) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(settings.textMaxCharacters());
        try (InputStream in = blobs.open(sha256)) {
            parser.parse(in, handler, new Metadata(), new ParseContext());
            return new Result(handler.toString(), false);
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                return new Result(handler.toString(), true);
            }
            throw e;
        }
    }

    private void finish(UUID id, TextStatus status, @Nullable String text, boolean truncated) {
        if (text != null && !text.isEmpty()) {
            try {
                jdbc.update("replace into document_text (version_id, content, truncated) values (?, ?, ?)", id,
                        text.replace('\u0000', ' '), truncated);
            } catch (org.springframework.dao.DataIntegrityViolationException e) {
                // the version was purged while its text was read: nothing to keep, and the batch goes on
                log.debug("Version {} is gone; its text is not kept", id);
                return;
            }
        }
        jdbc.update("update document_version set text_status = ?, text_claimed_at = null where id = ?",
                status.name(), id);
    }

    private static boolean hasText(String mediaType) {
        return !(mediaType.startsWith("image/") || mediaType.startsWith("video/") || mediaType.startsWith("audio/")
                || mediaType.equals("application/zip") || mediaType.equals("application/octet-stream"));
    }

    /** The stored text of a version, for the search to come and for tests. */
    public String textOf(UUID versionId) {
        List<String> text = jdbc.queryForList("select content from document_text where version_id = ?",
                String.class, versionId);
        return text.isEmpty() ? "" : text.getFirst();
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
