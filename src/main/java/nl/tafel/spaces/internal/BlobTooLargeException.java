package nl.tafel.spaces.internal;

import java.io.IOException;

/** More content arrived than the limit allows; the partial content was thrown away. */
public class BlobTooLargeException extends IOException {

    public BlobTooLargeException(long maxBytes) {
        super("More than " + maxBytes + " bytes");
    }
}
