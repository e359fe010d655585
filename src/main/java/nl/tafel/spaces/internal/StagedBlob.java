package nl.tafel.spaces.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Content streamed to a temporary file, with its hash and size; closing it removes whatever was not committed. */
public final class StagedBlob implements AutoCloseable {

    private final Path file;
    private final String sha256;
    private final long size;
    private final Release release;

    /** What closing also does: the store lets go of the upload (its lock on the file). */
    interface Release {
        void run() throws IOException;
    }

    StagedBlob(Path file, String sha256, long size) {
        this(file, sha256, size, () -> {
        });
    }

    StagedBlob(Path file, String sha256, long size, Release release) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
        this.release = release;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    Path file() {
        return file;
    }

    /** Reads the staged content again, for type detection. */
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            release.run();
        }
    }
}
