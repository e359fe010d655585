package nl.tafel.shared;

/** Bad input for one named field of a form; the UI shows the message on that field. */
public class FieldException extends TafelException {

    private final String field;

    public FieldException(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
