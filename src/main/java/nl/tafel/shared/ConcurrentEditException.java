package nl.tafel.shared;

/** Someone else saved the same thing first; the caller's copy is stale. */
public class ConcurrentEditException extends TafelException {

    public ConcurrentEditException() {
        super("error.concurrentEdit");
    }
}
