package nl.tafel.spaces.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    private final java.util.Set<Path> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

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

    /**
     * Streams content to {@code .staging/<uuid>.part}. While the upload is alive (streaming, or staged and not yet
     * committed or closed) this process holds a lock on the file and lists it as live; {@link #cleanStaging} removes
     * only files nobody holds, i.e. those of uploads whose process died (kill -9, a crash).
     */
    @Override
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        Path file = staging.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size = 0;
        boolean complete = false;
        live.add(file);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            channel.lock();
            OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
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
            channel.force(false);
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
                if (channel != null) {
                    channel.close();
                }
                live.remove(file);
            }
        }
        FileChannel held = channel;
        return new StagedBlob(file, HexFormat.of().formatHex(digest.digest()), size, () -> {
            try {
                held.close();
            } finally {
                live.remove(file);
            }
        });
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

    /**
     * Removes the staged files of dead uploads: files no live upload of this process holds and no other process has
     * locked (a process that dies, even by kill -9, loses its locks). Returns how many were removed.
     */
    public int cleanStaging() throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                if (live.contains(file) || !Files.isRegularFile(file)) {
                    continue;
                }
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    java.nio.channels.FileLock lock = channel.tryLock();
                    if (lock != null) {
                        Files.deleteIfExists(file);
                        removed++;
                    }
                } catch (java.nio.channels.OverlappingFileLockException | NoSuchFileException e) {
                    // held in this process after all, or gone meanwhile
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
