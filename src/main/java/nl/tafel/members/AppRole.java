package nl.tafel.members;

/** What a person may do across Tafel. Spaces add their own roles later. */
public enum AppRole {
    ADMINISTRATOR, SECRETARY, MEMBER;

    /** Role names as used by {@code @RolesAllowed} and {@code hasRole}. */
    public static final class Names {
        public static final String ADMINISTRATOR = "ADMINISTRATOR";
        public static final String SECRETARY = "SECRETARY";
        public static final String MEMBER = "MEMBER";

        private Names() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String translationKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
