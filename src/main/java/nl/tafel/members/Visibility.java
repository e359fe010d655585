package nl.tafel.members;

/**
 * Who sees one part of a person's directory profile. The person always sees their own profile whole, and so do
 * administrators, who run the association (they already manage people's details).
 */
public enum Visibility {
    /** Everyone who is signed in. */
    EVERYONE,
    /** Only people who share at least one (not archived) space with the person. */
    SPACE_MEMBERS,
    /** Nobody but the person and the administrators. */
    HIDDEN;

    public String translationKey() {
        return "directory.visibility." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
