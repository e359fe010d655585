package nl.tafel.members;

/** A person's part in a group. */
public enum GroupRole {
    CHAIR, SECRETARY, TREASURER, MEMBER, ADVISOR;

    public String translationKey() {
        return "groupRole." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
