package nl.tafel.spaces.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs on local disk: {@code <dir>/ab/cd/abcd…} by SHA-256, staged in {@code <dir>/.staging} on the same file
 * system so that committing is an atomic rename.
 */
public class LocalBlobStore implements BlobStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path staging;
    private final java.time.Clock clock;

    public LocalBlobStore(Path root) {
        this(root, java.time.Clock.systemUTC());
    }

    public LocalBlobStore(Path root, java.time.Clock clock) {
        this.clock = clock;
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve(".staging");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob store under " + this.root, e);
        }
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        Path file = staging.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size = 0;
        boolean complete = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        return new StagedBlob(file, HexFormat.of().formatHex(digest.digest()), size);
    }

    @Override
    public void commit(StagedBlob blob) throws IOException {
        Path target = path(blob.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(blob.file());
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(clock.instant()));
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(blob.file(), target, StandardCopyOption.ATOMIC_MOVE);
            Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(clock.instant()));
        } catch (FileAlreadyExistsException e) {
            // The same content was committed at the same moment: it is there either way.
            Files.deleteIfExists(blob.file());
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The blob store needs a file system with atomic renames: " + root, e);
        }
    }

    @Override
    public java.time.Instant lastCommitted(String sha256) throws IOException {
        return Files.getLastModifiedTime(path(sha256)).toInstant();
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return Files.newInputStream(path(sha256));
        } catch (NoSuchFileException e) {
            throw new MissingBlobException(sha256);
        }
    }

    @Override
    public java.util.Optional<Path> localFile(String sha256) {
        Path file = path(sha256);
        return Files.isRegularFile(file) ? java.util.Optional.of(file) : java.util.Optional.empty();
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public Stream<String> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        return Files.walk(root, 3)
                .filter(Files::isRegularFile)
                .filter(p -> !p.startsWith(staging))
                .map(p -> p.getFileName().toString())
                .filter(name -> SHA256.matcher(name).matches());
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    /** Staged files left behind by a crash, older than the given age in milliseconds, are removed. */
    public int cleanStaging(long olderThanMillis) throws IOException {
        long cutoff = System.currentTimeMillis() - olderThanMillis;
        int removed = 0;
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).toMillis() < cutoff && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
