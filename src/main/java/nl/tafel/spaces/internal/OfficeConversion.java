package nl.tafel.spaces.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Office files converted to PDF for reading, by LibreOffice ({@code soffice --headless --convert-to pdf}) when it is
 * installed. Conversions are kept next to the blobs by the source's SHA-256, so each version converts once.
 */
@Component
public class OfficeConversion {

    private static final Logger log = LoggerFactory.getLogger(OfficeConversion.class);

    private final SpacesSettings settings;
    private final BlobStore blobs;
    private final Path directory;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private volatile Optional<String> command;

    OfficeConversion(SpacesSettings settings, BlobStore blobs,
            @Value("${tafel.spaces.blob-dir:${tafel.data-dir}/blobs}") Path blobDirectory) {
        this.settings = settings;
        this.blobs = blobs;
        this.directory = blobDirectory.toAbsolutePath().resolveSibling("renditions");
        this.command = find(settings.soffice());
    }

    /** Whether LibreOffice is there to convert with. */
    public boolean available() {
        return command.isPresent();
    }

    /** The PDF of this content, converting it first if needed; empty when it cannot be converted. */
    public Optional<Path> pdf(String sha256, String extension) {
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Path target = directory.resolve(sha256 + ".pdf");
        if (Files.isRegularFile(target)) {
            return Optional.of(target);
        }
        synchronized (locks.computeIfAbsent(sha256, k -> new Object())) {
            try {
                if (Files.isRegularFile(target)) {
                    return Optional.of(target);
                }
                return convert(sha256, extension, target);
            } catch (IOException e) {
                log.warn("Converting {} to PDF failed: {}", sha256, e.toString());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                locks.remove(sha256);
            }
        }
    }

    private Optional<Path> convert(String sha256, String extension, Path target)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path work = Files.createTempDirectory(directory, "convert-");
        try {
            Path source = work.resolve("document." + (extension.isEmpty() ? "bin" : extension));
            try (InputStream in = blobs.open(sha256)) {
                Files.copy(in, source);
            }
            // A private profile per run: LibreOffice refuses to run twice on one profile.
            Process process = new ProcessBuilder(command.get(), "-env:UserInstallation=file://" + work.resolve("profile"),
                    "--headless", "--convert-to", "pdf", "--outdir", work.toString(), source.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("log.txt").toFile())
                    .start();
            if (!process.waitFor(settings.conversionTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                log.warn("Converting {} to PDF took longer than {}", sha256, settings.conversionTimeout());
                return Optional.empty();
            }
            Path result = work.resolve("document.pdf");
            if (process.exitValue() != 0 || !Files.isRegularFile(result) || Files.size(result) == 0) {
                log.warn("LibreOffice could not convert {} (exit {})", sha256, process.exitValue());
                return Optional.empty();
            }
            Files.move(result, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(target);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static Optional<String> find(String command) {
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command)) ? Optional.of(command) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
