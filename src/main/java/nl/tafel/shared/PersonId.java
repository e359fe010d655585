package nl.tafel.shared;

/** Identifies a person across modules. */
public record PersonId(long value) {

    public static PersonId of(long value) {
        return new PersonId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
