package nl.tafel.spaces.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tafel.spaces.TextStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * Extracts the text of each stored version for the search to come, in the background. The work list is the
 * database (versions whose text is PENDING), so nothing is lost on a restart and several instances share the work
 * (a version is claimed with a conditional update).
 *
 * <p>Files are read by Tika in separate, small JVMs ({@link TextExtractorProcess}, ADR 0021), one per core, each
 * kept for the next file while healthy: a file whose content inflates to gigabytes exhausts only that process's heap
 * (the version is marked NOT_SEARCHABLE, "tekst niet doorzoekbaar"), and a parser that does not finish within the
 * time limit is stopped by killing its process (TIMED_OUT), so stuck parsers never pile up. At most one file is read
 * per core at a time; the rest wait in the database.
 */
@Component
public class TextExtraction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TextExtraction.class);
    private static final Duration STALE_CLAIM = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final BlobStore blobs;
    private final SpacesSettings settings;
    private final Clock clock;
    private final DataSize processMemory;
    private final int parallel;
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<Reader> running = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.LinkedBlockingDeque<Reader> idle = new java.util.concurrent.LinkedBlockingDeque<>();
    private final ExecutorService workers;
    private final ExecutorService pumps;

    TextExtraction(JdbcTemplate jdbc, BlobStore blobs, SpacesSettings settings, Clock clock) {
        this(jdbc, blobs, settings, clock, DataSize.ofMegabytes(256), 0);
    }

    @Autowired
    TextExtraction(JdbcTemplate jdbc, BlobStore blobs, SpacesSettings settings, Clock clock,
            @Value("${tafel.spaces.text-memory:256MB}") DataSize processMemory,
            @Value("${tafel.spaces.text-parallel:0}") int parallel) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
        this.processMemory = processMemory;
        this.parallel = parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors();
        this.workers = Executors.newFixedThreadPool(this.parallel, daemons("tafel-text-"));
        this.pumps = Executors.newCachedThreadPool(daemons("tafel-text-io-"));
    }

    private ThreadFactory daemons(String prefix) {
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        };
    }

    @Scheduled(initialDelayString = "${tafel.spaces.text-poll:2s}", fixedDelayString = "${tafel.spaces.text-poll:2s}")
    public void extractPending() {
        jdbc.update("update document_version set text_status = 'PENDING', text_claimed_at = null"
                + " where text_status = 'RUNNING' and text_claimed_at < ?",
                java.sql.Timestamp.from(clock.instant().minus(STALE_CLAIM)));
        int free = parallel - inFlight.get();
        // readers left idle for a while are stopped: they hold memory
        for (Reader reader : List.copyOf(idle)) {
            if (reader.idleLongerThan(Duration.ofMinutes(2)) && idle.remove(reader)) {
                reader.stop();
            }
        }
        if (free <= 0) {
            return;
        }
        List<Row> pending = jdbc.query("""
                select id, sha256, media_type from document_version where text_status = 'PENDING'
                order by uploaded_at limit ?""",
                (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("sha256"), rs.getString("media_type")),
                free);
        for (Row row : pending) {
            if (claim(row.id())) {
                inFlight.incrementAndGet();
                try {
                    workers.execute(() -> {
                        try {
                            extract(row);
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    inFlight.decrementAndGet(); // shutting down: the claim goes stale and is taken up again
                }
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
        switch (outcome.status()) {
            case TIMED_OUT -> log.warn("Text extraction of version {} took longer than {}; its reader was stopped",
                    row.id(), settings.textTimeout());
            case NOT_SEARCHABLE -> log.warn("Text extraction of version {} needed more than {} of memory; the file "
                    + "is kept, its text is not searchable", row.id(), processMemory);
            default -> {
            }
        }
        if (outcome.status() != TextStatus.PENDING) {
            finish(row.id(), outcome.status(), outcome.text(), outcome.truncated());
        }
    }

    /** What extraction of one piece of content gave. */
    record Outcome(TextStatus status, @Nullable String text, boolean truncated) {
    }

    /** Extracts the text of stored content in a separate process within the limits; never throws. */
    Outcome extractText(String sha256, String mediaType) {
        if (!hasText(mediaType)) {
            return new Outcome(TextStatus.NONE, null, false);
        }
        long deadline = System.nanoTime() + settings.textTimeout().toNanos();
        Path scratch = null;
        Reader reader = null;
        Future<?> pending = null;
        boolean reusable = false;
        try {
            java.util.Optional<Path> local = blobs.localFile(sha256);
            Path file;
            if (local.isPresent()) {
                file = local.get();
            } else {
                // content elsewhere (an object store): copied next to the reader first, within the same time limit
                scratch = Files.createTempDirectory("tafel-text-");
                Path copy = scratch.resolve("content");
                Future<?> copying = pumps.submit(() -> {
                    try (InputStream in = blobs.open(sha256)) {
                        Files.copy(in, copy);
                    }
                    return null;
                });
                pending = copying;
                copying.get(remaining(deadline), TimeUnit.NANOSECONDS);
                file = copy;
            }
            reader = idle.pollFirst();
            if (reader == null) {
                reader = new Reader();
            }
            Reader r = reader;
            Path f = file;
            Future<Answer> answer = pumps.submit(() -> r.read(f));
            pending = answer;
            Answer a = answer.get(remaining(deadline), TimeUnit.NANOSECONDS);
            reusable = true;
            return switch (a.status()) {
                case TextExtractorProcess.COMPLETE, TextExtractorProcess.TRUNCATED -> {
                    String text = a.text().strip();
                    yield new Outcome(text.isEmpty() ? TextStatus.NONE : TextStatus.DONE, text,
                            a.status() == TextExtractorProcess.TRUNCATED);
                }
                default -> new Outcome(TextStatus.FAILED, null, false);
            };
        } catch (TimeoutException e) {
            return new Outcome(TextStatus.TIMED_OUT, null, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(TextStatus.PENDING, null, false);
        } catch (java.util.concurrent.ExecutionException e) {
            if (reader != null && reader.exitValue() == TextExtractorProcess.OUT_OF_MEMORY) {
                return new Outcome(TextStatus.NOT_SEARCHABLE, null, false);
            }
            log.info("No text from content {}: {}", sha256, e.getCause() == null ? e : e.getCause().toString());
            return new Outcome(TextStatus.FAILED, null, false);
        } catch (Exception e) {
            log.info("No text from content {}: {}", sha256, e.toString());
            return new Outcome(TextStatus.FAILED, null, false);
        } finally {
            if (pending != null && !pending.isDone()) {
                pending.cancel(true);
            }
            if (reader != null) {
                if (reusable && reader.reusable()) {
                    idle.addFirst(reader);
                } else {
                    reader.stop();
                }
            }
            if (scratch != null) {
                FileSystemUtils.deleteRecursively(scratch.toFile());
            }
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    /** What the reader process answered for one file. */
    private record Answer(int status, String text) {
    }

    /**
     * One reader process (a JVM of its own), used by one extraction at a time and kept for the next file while it is
     * healthy; stopped after a time-out or when it died, and retired after a number of files.
     */
    private final class Reader {

        private static final int FILES_PER_PROCESS = 200;

        private final Path tmp;
        private final Process process;
        private final java.io.DataInputStream answers;
        private final java.io.Writer requests;
        private int files;
        private volatile long idleSince = System.nanoTime();

        Reader() throws java.io.IOException {
            tmp = Files.createTempDirectory("tafel-text-reader-");
            process = new ProcessBuilder(command(tmp)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            running.add(this);
            answers = new java.io.DataInputStream(new java.io.BufferedInputStream(process.getInputStream()));
            requests = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        Answer read(Path file) throws java.io.IOException {
            files++;
            requests.write(file.toAbsolutePath() + "\n");
            requests.flush();
            int status = answers.readInt();
            int length = answers.readInt();
            if (length < 0 || length > settings.textMaxCharacters() * 4 + 16) {
                throw new java.io.IOException("Unexpected answer from the text reader: " + length + " bytes");
            }
            byte[] text = answers.readNBytes(length);
            idleSince = System.nanoTime();
            return new Answer(status, new String(text, StandardCharsets.UTF_8));
        }

        boolean reusable() {
            return process.isAlive() && files < FILES_PER_PROCESS;
        }

        boolean idleLongerThan(Duration duration) {
            return System.nanoTime() - idleSince > duration.toNanos();
        }

        /** The exit code once the process has ended by itself (waiting a moment for it); -1 while it runs. */
        int exitValue() {
            try {
                if (process.waitFor(5, TimeUnit.SECONDS)) {
                    return process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        /** Ends the process and waits until it is gone, so no reader outlives its file. */
        void stop() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            running.remove(this);
            FileSystemUtils.deleteRecursively(tmp.toFile());
        }
    }

    private List<String> command(Path tmp) throws java.io.IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + processMemory.toMegabytes() + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:ActiveProcessorCount=1");
        command.add("-Djava.awt.headless=true");
        command.add("-Djava.io.tmpdir=" + tmp);
        String classPath = System.getProperty("java.class.path");
        command.add("-cp");
        command.add(classPath);
        if (isBootJar(classPath)) {
            // java -jar tafel.jar: the classes are nested in the jar; Spring Boot's launcher starts another main class
            command.add("-Dloader.main=" + TextExtractorProcess.class.getName());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add(TextExtractorProcess.class.getName());
        }
        command.add(Integer.toString(settings.textMaxCharacters()));
        command.add(Long.toString(processMemory.toBytes() / 4));
        return command;
    }

    private static boolean isBootJar(String classPath) throws java.io.IOException {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null;
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
        pumps.shutdownNow();
        running.forEach(Reader::stop);
    }
}
