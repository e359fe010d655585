package nl.tafel.actions;

import java.util.Locale;

/** Open, loopt, afgerond, vervallen. */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    public boolean closed() {
        return this == DONE || this == DROPPED;
    }

    public String translationKey() {
        return "actionStatus." + name().toLowerCase(Locale.ROOT);
    }
}
