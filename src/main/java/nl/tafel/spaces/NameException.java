package nl.tafel.spaces;

import nl.tafel.shared.FieldException;

/** A file or folder name that cannot be used; the message says what to change. */
public class NameException extends FieldException {

    public NameException(NameProblem problem) {
        super("name", problem.messageKey(), problem.args());
    }
}
