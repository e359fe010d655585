package nl.tafel.sharepoint.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.tafel.sharepoint.ConnectionCheck;
import nl.tafel.sharepoint.SyncConflict;
import nl.tafel.sharepoint.SyncStatus;
import org.jspecify.annotations.Nullable;

/** The translated words for the sync's states and reasons, shared by the space card and the admin page. */
final class SharePointTexts {

    /** A word that looks like a translation key ("sharepoint.problem.parentMissing", "names.vti"). */
    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9_]+)+");

    /** The engine's own words when the large-delete guard stops a sync. */
    private static final Pattern GUARD = Pattern.compile(
            "large-delete guard: (\\d+) remote deletes in one round \\(limit (\\d+)\\)");

    /**
     * Name checks whose texts take numbers or characters the sync does not keep: shown in a form without them.
     */
    private static final Map<String, String> WITHOUT_ARGUMENTS = Map.of(
            "names.tooLong", "sharepoint.problem.nameTooLong",
            "names.pathTooLong", "sharepoint.problem.pathTooLong",
            "names.forbiddenCharacters", "sharepoint.problem.forbiddenCharacters");

    private SharePointTexts() {
    }

    static String stateKey(SyncStatus.State state) {
        return "sharepoint.state." + camel(state.name());
    }

    static String checkKey(ConnectionCheck check) {
        return "sharepoint.check." + camel(check.name());
    }

    static String keptKey(SyncConflict.Side side) {
        return "sharepoint.kept." + camel(side.name());
    }

    /** NOT_CONFIGURED -> notConfigured. */
    static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** The state as a coloured badge. */
    static Span badge(Component context, SyncStatus.State state) {
        Span badge = new Span(context.getTranslation(stateKey(state)));
        badge.addClassNames("tafel-badge", "tafel-sharepoint-state", switch (state) {
            case OK -> "tafel-badge-success";
            case ERROR, STOPPED -> "tafel-badge-error";
            case WAITING -> "tafel-badge-contrast";
            case NOT_CONFIGURED, NOT_LINKED -> "tafel-badge-quiet";
        });
        return badge;
    }

    /** "site · bibliotheek / map", or empty when not linked. */
    static String place(SyncStatus status) {
        if (!status.linked()) {
            return "";
        }
        String folder = status.folderPath() == null || status.folderPath().isEmpty() ? ""
                : " / " + status.folderPath();
        return status.site() + " · " + status.library() + folder;
    }

    /**
     * Why a file or folder was not synced: a translation key when Tafel knows it, otherwise SharePoint's own text.
     */
    static String reason(Component context, String reason, String name) {
        String key = WITHOUT_ARGUMENTS.getOrDefault(reason, reason);
        if (!KEY.matcher(key).matches() || !exists(context, key)) {
            return reason;
        }
        String text = context.getTranslation(key);
        return text.contains("{0}") ? context.getTranslation(key, name) : text;
    }

    /** Why the sync stopped, in the reader's language when it is the large-delete guard. */
    static String stopReason(Component context, @Nullable String reason) {
        if (reason == null) {
            return context.getTranslation("sharepoint.stopped.unknown");
        }
        Matcher guard = GUARD.matcher(reason);
        if (guard.matches()) {
            return context.getTranslation("sharepoint.stopped.guard", Integer.parseInt(guard.group(1)),
                    Integer.parseInt(guard.group(2)));
        }
        return reason;
    }

    /** Vaadin answers an unknown key with "!nl: key"; only known keys are translated. */
    private static boolean exists(Component context, String key) {
        String text = context.getTranslation(key);
        return !(text.startsWith("!") && text.endsWith(key));
    }
}
