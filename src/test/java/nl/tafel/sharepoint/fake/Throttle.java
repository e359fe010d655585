package nl.tafel.sharepoint.fake;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SharePoint's resource-unit budget per app per minute (a sliding minute by the fake's clock), and the bookkeeping
 * of Retry-After: when each route may be tried again, and how many requests came earlier than that.
 *
 * <p>SharePoint: throttled requests count against the budget too ("even though the calls fail, they still accrue
 * against your usage limits"), so retrying early prolongs the throttling.
 */
final class Throttle {

    private static final long WINDOW_MILLIS = 60_000;

    private record Charge(long at, int units) {
    }

    private final ArrayDeque<Charge> window = new ArrayDeque<>();
    private final Map<String, Instant> retryAllowedAt = new ConcurrentHashMap<>();
    private int budget = Integer.MAX_VALUE;
    private long unitsUsed;
    private int earlyRetries;

    synchronized void setBudget(int budgetPerMinute) {
        this.budget = budgetPerMinute <= 0 ? Integer.MAX_VALUE : budgetPerMinute;
    }

    synchronized long unitsUsed() {
        return unitsUsed;
    }

    synchronized int earlyRetries() {
        return earlyRetries;
    }

    /**
     * Charges a request; returns 0 when it is within the budget, otherwise the seconds until a request of the same
     * cost would fit again (the request is charged either way).
     */
    synchronized long charge(Instant now, int units) {
        long t = now.toEpochMilli();
        while (!window.isEmpty() && window.peekFirst().at() <= t - WINDOW_MILLIS) {
            window.removeFirst();
        }
        int used = 0;
        for (Charge charge : window) {
            used += charge.units();
        }
        unitsUsed += units;
        window.addLast(new Charge(t, units));
        if (budget == Integer.MAX_VALUE || used + units <= budget) {
            return 0;
        }
        long fitsAt = t + WINDOW_MILLIS;
        int remaining = used + units;
        for (Charge charge : window) {
            remaining -= charge.units();
            if (remaining + units <= budget) {
                fitsAt = charge.at() + WINDOW_MILLIS;
                break;
            }
        }
        return Math.max(1, (fitsAt - t + 999) / 1000);
    }

    /** Notes that the client was told it may try this route again at {@code at}. */
    void retryAllowedAt(String route, Instant at) {
        retryAllowedAt.merge(route, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Counts the request as early if it came before the route's Retry-After had passed. */
    void arrived(String route, Instant now) {
        Instant allowed = retryAllowedAt.get(route);
        if (allowed == null) {
            return;
        }
        if (now.isBefore(allowed)) {
            synchronized (this) {
                earlyRetries++;
            }
        } else {
            retryAllowedAt.remove(route, allowed);
        }
    }

    synchronized void reset() {
        window.clear();
        retryAllowedAt.clear();
        unitsUsed = 0;
        earlyRetries = 0;
    }
}
