package nl.tafel.sharepoint.fake;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A scripted fault for requests that match an HTTP method and a regular expression on the decoded path (the whole
 * path must match; Graph paths without {@code /v1.0}, e.g. {@code /drives/b!x/items/01AB:/a.pdf:/content}; files-host
 * paths as {@code /upload/<session>} and {@code /download/<ticket>}). Register it with {@link GraphFake#fault}.
 *
 * <pre>{@code
 * fake.fault(Fault.on("PUT", "/upload/.*").afterCommit().drop());             // piece stored, answer lost
 * fake.fault(Fault.on("PUT", "/upload/.*").afterCommit().status(503));        // piece stored, yet 503
 * fake.fault(Fault.on("GET", "/drives/.*").status(429).retryAfter(200).times(3));
 * fake.fault(Fault.on("GET", "/download/.*").cutBodyAfter(1000));              // reset mid-download
 * fake.fault(Fault.on("*", ".*").delay(Duration.ofMillis(300)).always());
 * }</pre>
 *
 * <p>Before commit (the default) the fault acts before the request changes anything; after commit the request is
 * carried out first and the fault then replaces or spoils its answer. A fault fires {@link #times once} unless told
 * otherwise; the first registered fault that matches and has firings left wins. Inside a {@code $batch} only status
 * and delay faults act (drops and cut bodies apply to whole connections).
 */
public final class Fault {

    enum Action { NONE, STATUS, DROP, CUT }

    final String method;
    final Pattern path;
    @Nullable HostKind host;
    boolean afterCommit;
    Action action = Action.NONE;
    int status;
    long retryAfterSeconds = -1;
    boolean retryAfterAsDate;
    Duration delay = Duration.ZERO;
    long cutAfterBytes;
    private int remaining = 1;
    private int fired;

    private Fault(String method, String pathRegex) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = Pattern.compile(pathRegex);
    }

    /** A fault for requests with this method ({@code "*"} for any) whose decoded path matches the expression. */
    public static Fault on(String method, String pathRegex) {
        return new Fault(method, pathRegex);
    }

    /** Only on the Graph host. */
    public Fault onGraph() {
        host = HostKind.GRAPH;
        return this;
    }

    /** Only on the files host (upload and download URLs). */
    public Fault onFiles() {
        host = HostKind.FILES;
        return this;
    }

    /** Act before the request changes anything (the default). */
    public Fault beforeCommit() {
        afterCommit = false;
        return this;
    }

    /** Carry the request out first, then spoil its answer: a lost acknowledgement, or a 5xx for a stored piece. */
    public Fault afterCommit() {
        afterCommit = true;
        return this;
    }

    /** Answer with this status (and a Graph error body) instead of the real answer. */
    public Fault status(int status) {
        this.action = Action.STATUS;
        this.status = status;
        return this;
    }

    /** Send {@code Retry-After: <seconds>} with the status. */
    public Fault retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Send Retry-After as an HTTP date (the fake's clock plus {@code seconds}) instead of a number of seconds. */
    public Fault retryAfterAsDate(long seconds) {
        this.retryAfterSeconds = seconds;
        this.retryAfterAsDate = true;
        return this;
    }

    /** Close the connection without an answer (before or after commit). */
    public Fault drop() {
        this.action = Action.DROP;
        return this;
    }

    /**
     * Send the real status and headers with the full Content-Length, then only {@code bytes} bytes of the body, then
     * close the connection: a body cut short, or a reset mid-download. Always acts after commit.
     */
    public Fault cutBodyAfter(long bytes) {
        this.action = Action.CUT;
        this.cutAfterBytes = bytes;
        this.afterCommit = true;
        return this;
    }

    /** Wait this long (real time) before anything else. Alone, a delay changes nothing else. */
    public Fault delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Fire this many times (default 1). */
    public Fault times(int times) {
        this.remaining = times;
        return this;
    }

    /** Fire on every matching request. */
    public Fault always() {
        this.remaining = -1;
        return this;
    }

    /** How often this fault has fired so far. */
    public synchronized int fired() {
        return fired;
    }

    boolean matches(String method, HostKind host, String path) {
        return (this.method.equals("*") || this.method.equals(method))
                && (this.host == null || this.host == host)
                && this.path.matcher(path).matches();
    }

    /** Takes one firing if any is left. */
    synchronized boolean tryFire() {
        if (remaining == 0) {
            return false;
        }
        if (remaining > 0) {
            remaining--;
        }
        fired++;
        return true;
    }

    @Override
    public String toString() {
        return "Fault[" + method + " " + path + (host == null ? "" : " on " + host) + " " + action
                + (afterCommit ? " after commit" : "") + "]";
    }
}
