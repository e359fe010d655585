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
            case WAITING, THROTTLED -> "tafel-badge-contrast";
            case NOT_CONFIGURED, NOT_LINKED -> "tafel-badge-quiet";
        });
        return badge;
    }

    /** "14:05", or "5-12 14:05" when it is not today (Amsterdam time). */
    static String time(java.time.Instant instant, Locale locale) {
        var at = instant.atZone(nl.tafel.shared.ui.Formats.ZONE);
        var today = java.time.ZonedDateTime.now(nl.tafel.shared.ui.Formats.ZONE).toLocalDate();
        String pattern = at.toLocalDate().equals(today) ? "HH:mm" : "d-M HH:mm";
        return java.time.format.DateTimeFormatter.ofPattern(pattern, locale).format(at);
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
     * Why a file or folder was not synced, in the reader's language. Reasons recorded before they carried their
     * arguments are shown in a form without them; anything that is not a known key is never shown as it is.
     */
    static String reason(Component context, String reason, java.util.List<String> arguments, String name) {
        String key = arguments.isEmpty() ? WITHOUT_ARGUMENTS.getOrDefault(reason, reason) : reason;
        if (!KEY.matcher(key).matches() || !exists(context, key)) {
            return context.getTranslation("sharepoint.problem.unknown");
        }
        if (!arguments.isEmpty()) {
            return context.getTranslation(key, arguments.toArray());
        }
        String text = context.getTranslation(key);
        return text.contains("{0}") ? context.getTranslation(key, name) : text;
    }

    /** The last error of a pass: a key with its arguments, separated by U+001F; never raw text. */
    static String lastError(Component context, @Nullable String coded) {
        if (coded == null) {
            return "";
        }
        String[] parts = coded.split("\u001F", -1);
        if (KEY.matcher(parts[0]).matches() && exists(context, parts[0])) {
            return context.getTranslation(parts[0], (Object[]) java.util.Arrays.copyOfRange(parts, 1, parts.length));
        }
        return context.getTranslation("sharepoint.error.unknown");
    }

    /** Why the sync stopped, in the reader's language. */
    static String stopReason(Component context, @Nullable String reason) {
        if (reason == null) {
            return context.getTranslation("sharepoint.stopped.unknown");
        }
        Matcher guard = GUARD.matcher(reason);
        if (guard.matches()) {
            return context.getTranslation("sharepoint.stopped.guard", Integer.parseInt(guard.group(1)),
                    Integer.parseInt(guard.group(2)));
        }
        return switch (reason) {
            case "root-gone" -> context.getTranslation("sharepoint.stopped.rootGone");
            case "overlap" -> context.getTranslation("sharepoint.stopped.overlap");
            default -> context.getTranslation("sharepoint.stopped.unknown");
        };
    }

    /** Vaadin answers an unknown key with "!nl: key"; only known keys are translated. */
    private static boolean exists(Component context, String key) {
        String text = context.getTranslation(key);
        return !(text.startsWith("!") && text.endsWith(key));
    }
}
