package nl.tafel.sharepoint.internal;

import org.jspecify.annotations.Nullable;

/**
 * A Graph call that did not succeed: its HTTP status (0 when no answer came) and Graph's error code.
 */
public class GraphFailure extends RuntimeException {

    private final int status;
    private final String code;
    private final @Nullable String location;

    public GraphFailure(int status, String code, String message, @Nullable String location, @Nullable Throwable cause) {
        super(status + " " + code + ": " + message, cause);
        this.status = status;
        this.code = code;
        this.location = location;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The Location header of a 410 (where to start a new enumeration), if given. */
    public @Nullable String location() {
        return location;
    }

    public boolean notFound() {
        return status == 404;
    }

    public boolean nameClash() {
        return status == 409;
    }

    public boolean stale() {
        return status == 412;
    }
}
