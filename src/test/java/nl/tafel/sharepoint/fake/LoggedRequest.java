package nl.tafel.sharepoint.fake;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One request the fake received, for assertions.
 *
 * @param method        HTTP method
 * @param host          which server (Graph or files)
 * @param path          the percent-decoded path; for Graph without the {@code /v1.0} prefix (as in a {@code $batch})
 * @param query         the raw query, or empty
 * @param status        the status answered, or {@link #DROPPED} when the connection was closed without an answer
 * @param time          arrival time by the fake's clock
 * @param userAgent     the User-Agent header, if any
 * @param authorization whether an Authorization header was present
 * @param inBatch       whether this was one request inside a {@code $batch}
 */
public record LoggedRequest(String method, HostKind host, String path, String query, int status, Instant time,
        @Nullable String userAgent, boolean authorization, boolean inBatch) {

    /** Status logged for a request whose connection was dropped without an answer. */
    public static final int DROPPED = 0;

    @Override
    public String toString() {
        return time + " " + method + " " + host + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> "
                + (status == DROPPED ? "dropped" : status) + (inBatch ? " (batch)" : "")
                + (authorization ? " [auth]" : "");
    }
}
