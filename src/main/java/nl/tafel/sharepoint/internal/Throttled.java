package nl.tafel.sharepoint.internal;

import java.time.Instant;

/** SharePoint asked to wait (429/503 with Retry-After), or Tafel's own per-minute budget is spent: try at {@code until}. */
public class Throttled extends RuntimeException {

    private final Instant until;

    public Throttled(Instant until, String why) {
        super(why + " until " + until);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
