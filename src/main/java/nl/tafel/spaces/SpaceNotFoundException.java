package nl.tafel.spaces;

import nl.tafel.shared.TafelException;

/**
 * A space, folder, document or version that does not exist, or that the caller may not see: the two are answered
 * alike, so that ids from other spaces reveal nothing.
 */
public class SpaceNotFoundException extends TafelException {

    public SpaceNotFoundException() {
        super("spaces.error.notFound");
    }
}
