package nl.tafel.actions;

import java.util.Optional;
import java.util.UUID;

public record ActionId(UUID value) {

    public static Optional<ActionId> parse(String raw) {
        try {
            return Optional.of(new ActionId(UUID.fromString(raw)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
