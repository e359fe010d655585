package nl.tafel.minutes;

import nl.tafel.shared.ConcurrentEditException;

/**
 * Someone else saved the same item's text first. It carries their text and version, so the writer can merge instead
 * of overwriting it silently.
 */
public class MinutesConflict extends ConcurrentEditException {

    private final String theirText;
    private final long theirVersion;
    private final String theirName;

    public MinutesConflict(String theirText, long theirVersion, String theirName) {
        this.theirText = theirText;
        this.theirVersion = theirVersion;
        this.theirName = theirName;
    }

    public String theirText() {
        return theirText;
    }

    public long theirVersion() {
        return theirVersion;
    }

    public String theirName() {
        return theirName;
    }
}
