package nl.tafel.spaces.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Where file content lives, addressed by its SHA-256. Content is first staged (streamed to a temporary place while
 * its hash and size are computed), then committed into place atomically; only then does a database row point at it.
 * {@link LocalBlobStore} keeps it on disk; an S3-compatible store can implement the same contract.
 */
public interface BlobStore {

    /**
     * Streams content into a staging area, never holding it whole in memory.
     *
     * @throws BlobTooLargeException as soon as more than {@code maxBytes} arrive; nothing is kept
     */
    StagedBlob stage(InputStream content, long maxBytes) throws IOException;

    /**
     * Moves staged content into place under its hash. When the same content is already there, it is only marked as
     * just used (so that a purge running at that moment leaves it alone).
     */
    void commit(StagedBlob blob) throws IOException;

    /** When the content was last stored or re-committed. */
    java.time.Instant lastCommitted(String sha256) throws IOException;

    InputStream open(String sha256) throws IOException;

    /** The content as a file on local disk, when this store keeps it there (to be read only). */
    default java.util.Optional<java.nio.file.Path> localFile(String sha256) {
        return java.util.Optional.empty();
    }

    boolean exists(String sha256);

    /** Every stored hash, for the consistency check. */
    Stream<String> list() throws IOException;

    void delete(String sha256) throws IOException;
}
