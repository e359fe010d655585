package nl.tafel.operations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import nl.tafel.mail.MailComposer;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.operations.BackupStatus;
import nl.tafel.operations.Verification;
import nl.tafel.shared.PublicAddress;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Backups inside the running application: on demand for an administrator and every night in the trial
 * ({@code tafel.backup.nightly}), kept {@code tafel.backup.keep-days} days in {@code tafel.backup.dir}. Each archive
 * is verified after writing; a verified one gets a {@code .verified} marker beside it. A nightly backup that fails
 * is logged with a reference and mailed to the administrators.
 */
@Component
public class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final BackupArchive archive;
    private final Path blobDir;
    private final Path backupDir;
    private final int keepDays;
    private final boolean nightly;
    private final Clock clock;
    private final AccountDirectory accounts;
    private final MailService mail;
    private final MailComposer composer;
    private final TafelI18NProvider i18n;
    private final PublicAddress address;
    private volatile @Nullable Instant failedAt;
    private volatile @Nullable String failureReference;

    Backups(DataSource dataSource, Clock clock,
            @Value("${tafel.spaces.blob-dir:${tafel.data-dir}/blobs}") Path blobDir,
            @Value("${tafel.backup.dir:${tafel.data-dir}/backups}") Path backupDir,
            @Value("${tafel.backup.keep-days:7}") int keepDays,
            @Value("${tafel.backup.nightly:false}") boolean nightly,
            AccountDirectory accounts, MailService mail, MailComposer composer, TafelI18NProvider i18n,
            PublicAddress address) {
        this.dataSource = dataSource;
        this.archive = new BackupArchive(clock);
        this.blobDir = blobDir.toAbsolutePath();
        this.backupDir = backupDir.toAbsolutePath();
        this.keepDays = keepDays;
        this.nightly = nightly;
        this.clock = clock;
        this.accounts = accounts;
        this.mail = mail;
        this.composer = composer;
        this.i18n = i18n;
        this.address = address;
    }

    /** Writes, verifies and keeps a backup now; removes backups older than the keeping period. */
    public BackupStatus backupNow() throws Exception {
        Path target = backupDir.resolve("tafel-" + NAME.format(clock.instant()) + ".zip");
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            archive.write(connection, blobDir, target);
        }
        Verification verification = archive.verify(target);
        if (!verification.ok()) {
            throw new IOException("The backup " + target + " does not verify: " + verification.problems());
        }
        Files.writeString(marker(target), "verified " + clock.instant() + "\n");
        log.info("Backup written and verified: {} ({} tables, {} rows, {} documents' content, {} bytes, {} ms)",
                target, verification.tables(), verification.rows(), verification.blobs(), Files.size(target),
                (System.nanoTime() - started) / 1_000_000);
        failedAt = null;
        failureReference = null;
        prune();
        return status();
    }

    @Scheduled(cron = "${tafel.backup.cron:0 30 2 * * *}", zone = "Europe/Amsterdam")
    void nightly() {
        if (!nightly) {
            return;
        }
        try {
            backupNow();
        } catch (Exception e) {
            failed(e);
        }
    }

    void failed(Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Nightly backup failed (reference {})", reference, e);
        failedAt = clock.instant();
        failureReference = reference;
        for (Account admin : accounts.administrators()) {
            var locale = admin.locale();
            OutgoingMail composed = composer.compose("backup-failed", admin.email(), locale,
                    i18n.translate(locale, "backup.failed.subject"), admin.displayName(),
                    List.of(i18n.translate(locale, "backup.failed.text", reference)),
                    i18n.translate(locale, "backup.failed.button"), address.of("/beheer/back-ups"));
            mail.queue(new OutgoingMail(composed.to(), composed.subject(), composed.text(), composed.html(),
                    composed.kind(), null, "backup-failed:" + reference + ":" + admin.id().value()));
        }
    }

    public BackupStatus status() {
        Optional<Path> last = archives().findFirst();
        Instant failed = failedAt;
        if (last.isEmpty()) {
            return new BackupStatus(null, null, 0, false, failed, failureReference);
        }
        Path file = last.get();
        try {
            return new BackupStatus(Files.getLastModifiedTime(file).toInstant(), file.toString(), Files.size(file),
                    Files.isRegularFile(marker(file)), failed, failureReference);
        } catch (IOException e) {
            return new BackupStatus(null, file.toString(), 0, false, failed, failureReference);
        }
    }

    private void prune() {
        Instant before = clock.instant().minus(Duration.ofDays(keepDays));
        archives().skip(1).forEach(file -> {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(marker(file));
                    Files.deleteIfExists(file);
                    log.info("Removed backup {} (older than {} days)", file, keepDays);
                }
            } catch (IOException e) {
                log.warn("Cannot remove old backup {}", file, e);
            }
        });
    }

    /** The archives in the backup directory, newest first. */
    private Stream<Path> archives() {
        if (!Files.isDirectory(backupDir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(backupDir)) {
            return files.filter(f -> f.getFileName().toString().matches("tafel-\\d{8}-\\d{6}\\.zip"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Path marker(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".verified");
    }
}
