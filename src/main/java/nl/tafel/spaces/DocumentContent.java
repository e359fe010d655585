package nl.tafel.spaces;

import java.io.IOException;
import java.io.InputStream;

/** Content to send to a browser, opened only when it is read. */
public record DocumentContent(String fileName, String mediaType, long size, String sha256, VersionId versionId,
        int versionNumber, Source source) {

    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;

        /** The content as a file on this machine's disk, when it is kept there: to be read, never changed. */
        default java.util.Optional<java.nio.file.Path> file() {
            return java.util.Optional.empty();
        }
    }

    public InputStream open() throws IOException {
        return source.open();
    }

    /**
     * The content as a file on this machine's disk, when the store keeps it there, for readers that need to seek
     * (a PDF library) without copying it first. Read it only; it is shared with every version of the same content.
     */
    public java.util.Optional<java.nio.file.Path> file() {
        return source.file();
    }
}
