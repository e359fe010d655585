package nl.tafel.invitations;

import java.util.Locale;

/** Whether the quorum will be reached: by those who come; only if those without an answer come too; or not. */
public enum QuorumForecast {
    MET, UNCERTAIN, NOT_MET;

    public String translationKey() {
        return "quorumForecast." + name().toLowerCase(Locale.ROOT);
    }
}
