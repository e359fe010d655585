package nl.tafel.members;

/** Kinds of group that own a space: bestuur, werkgroep, stuurgroep, kernteam. */
public enum GroupKind {
    BOARD, WORKING_GROUP, STEERING_GROUP, CORE_TEAM;

    public String translationKey() {
        return "groupKind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
