package nl.tafel.members;

import nl.tafel.shared.TafelException;

/** A person or organisation that does not exist, is deactivated, or whose photo the viewer may not see. */
public class DirectoryNotFoundException extends TafelException {

    public DirectoryNotFoundException() {
        super("directory.error.notFound");
    }
}
