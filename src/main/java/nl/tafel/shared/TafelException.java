package nl.tafel.shared;

import java.util.Arrays;

/**
 * A refusal a person can understand: it carries a translation key (and its arguments) that the UI shows.
 */
public class TafelException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public TafelException(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
