package nl.tafel.spaces;

import java.io.IOException;
import java.io.InputStream;

/** Content to send to a browser, opened only when it is read. */
public record DocumentContent(String fileName, String mediaType, long size, String sha256, VersionId versionId,
        int versionNumber, Source source) {

    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return source.open();
    }
}
