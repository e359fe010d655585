package nl.tafel.members;

/** Invited (no password yet), active, or deactivated (cannot sign in). */
public enum PersonStatus {
    INVITED, ACTIVE, DEACTIVATED;

    public String translationKey() {
        return "status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
