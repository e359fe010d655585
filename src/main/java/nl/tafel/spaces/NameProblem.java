package nl.tafel.spaces;

import java.util.List;

/** Why a file or folder name cannot be used, as a translation key with its arguments. */
public record NameProblem(String messageKey, List<Object> arguments) {

    public NameProblem(String messageKey, Object... arguments) {
        this(messageKey, List.of(arguments));
    }

    public Object[] args() {
        return arguments.toArray();
    }
}
