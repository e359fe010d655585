package nl.tafel.spaces;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rules a file or folder name must meet so that it can live in SharePoint unchanged (see
 * {@code design/graph-fake.md}, "Names"). Views check them as the user types; the services check them again.
 */
public final class DocumentNames {

    /** The longest name of one file or folder. */
    public static final int MAX_NAME_LENGTH = 255;
    /** The longest path, from the space's name down to the file, as SharePoint counts it. */
    public static final int MAX_PATH_LENGTH = 400;

    private static final String FORBIDDEN = "\"*:<>?/\\|";
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    private DocumentNames() {
    }

    /** The first problem with this name, or empty when it can be used. */
    public static Optional<NameProblem> check(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(new NameProblem("names.required"));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(new NameProblem("names.tooLong", MAX_NAME_LENGTH, name.length()));
        }
        if (!name.equals(name.strip())) {
            return Optional.of(new NameProblem("names.spaces"));
        }
        if (name.chars().allMatch(c -> c == '.')) {
            // ".", ".." and "...": the folder itself or its parent in every file system; SharePoint refuses them
            return Optional.of(new NameProblem("names.dotsOnly"));
        }
        if (name.endsWith(".")) {
            return Optional.of(new NameProblem("names.trailingDot"));
        }
        Set<String> forbidden = new LinkedHashSet<>();
        boolean control = false;
        boolean format = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0) {
                forbidden.add(String.valueOf(c));
            } else if (Character.isISOControl(c)) {
                control = true;
            } else if (isFormat(name.codePointAt(i))) {
                format = true;
            }
        }
        if (!forbidden.isEmpty()) {
            return Optional.of(new NameProblem("names.forbiddenCharacters",
                    forbidden.stream().collect(Collectors.joining(" "))));
        }
        if (control) {
            return Optional.of(new NameProblem("names.controlCharacters"));
        }
        if (format) {
            // right-to-left override and the like: "Jaarverslag\u202Egpj.pdf" would show as "Jaarverslagfdp.jpg"
            return Optional.of(new NameProblem("names.formatCharacters"));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("_vti_")) {
            return Optional.of(new NameProblem("names.vti"));
        }
        if (name.startsWith("~$")) {
            return Optional.of(new NameProblem("names.tildeDollar"));
        }
        int dot = name.indexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (lower.equals(".lock") || lower.equals("desktop.ini") || RESERVED.matcher(base).matches()) {
            return Optional.of(new NameProblem("names.reserved", name));
        }
        return Optional.empty();
    }

    /**
     * Whether a character is invisible formatting (Unicode category Cf): bidirectional controls such as the
     * right-to-left override, zero-width characters, the byte order mark.
     */
    public static boolean isFormat(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    /** The path problem, if a name under this parent path (space name first, '/'-separated) would be too long. */
    public static Optional<NameProblem> checkPath(String parentPath, String name) {
        int length = parentPath.length() + 1 + name.length();
        if (length > MAX_PATH_LENGTH) {
            return Optional.of(new NameProblem("names.pathTooLong", MAX_PATH_LENGTH, length - MAX_PATH_LENGTH));
        }
        return Optional.empty();
    }

    /** A name made from other text (such as a meeting's title): each forbidden character becomes a dash. */
    public static String withoutForbiddenCharacters(String text) {
        StringBuilder name = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (!isFormat(c)) {
                name.append(FORBIDDEN.indexOf(c) >= 0 || Character.isISOControl(c) ? '-' : c);
            }
        }
        String result = name.toString().strip();
        while (result.endsWith(".")) {
            result = result.substring(0, result.length() - 1).strip();
        }
        return result;
    }

    /** The key names are compared by: two names that differ only in case are the same name. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The part after the last dot, lower case, or empty. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
