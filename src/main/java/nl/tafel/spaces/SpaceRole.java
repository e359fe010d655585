package nl.tafel.spaces;

import java.util.Locale;

/** A person's role in one space. Each role may do what the roles below it may do. */
public enum SpaceRole {
    /** Lezer: reads and downloads. */
    READER,
    /** Bijdrager: also uploads, creates folders, renames, moves and deletes. */
    CONTRIBUTOR,
    /** Beheerder: also manages the space, its members and the trash. */
    MANAGER;

    public boolean includes(SpaceRole other) {
        return compareTo(other) >= 0;
    }

    public String translationKey() {
        return "spaceRole." + name().toLowerCase(Locale.ROOT);
    }
}
