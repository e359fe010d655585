package nl.tafel.spaces.internal;

import java.io.IOException;

/** The database points at content the blob store does not have. The blob check reports these. */
public class MissingBlobException extends IOException {

    public MissingBlobException(String sha256) {
        super("Blob missing: " + sha256);
    }
}
