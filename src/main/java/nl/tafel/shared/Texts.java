package nl.tafel.shared;

import org.jspecify.annotations.Nullable;

/** Checks for the short texts people type: trimmed, within a length, no control characters. */
public final class Texts {

    private Texts() {
    }

    public static String required(String field, @Nullable String value, int maxLength) {
        String text = optional(field, value, maxLength);
        if (text == null) {
            throw new FieldException(field, "validation.required");
        }
        return text;
    }

    public static @Nullable String optional(String field, @Nullable String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw new FieldException(field, "validation.tooLong", maxLength);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new FieldException(field, "validation.controlCharacters");
            }
        }
        return text;
    }

    /** A name shown in many places (and in mail headers): no angle brackets. */
    public static String name(String field, @Nullable String value, int maxLength) {
        String text = required(field, value, maxLength);
        if (text.indexOf('<') >= 0 || text.indexOf('>') >= 0) {
            throw new FieldException(field, "validation.noAngleBrackets");
        }
        return text;
    }

    /**
     * A longer text such as a description: lines are allowed, markup is not. Text with HTML tags is refused with a
     * message rather than stored, so that it can never be run anywhere it is shown.
     */
    public static @Nullable String plainText(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace("\r\n", "\n");
        if (text.length() > maxLength) {
            throw new FieldException(field, "validation.tooLong", maxLength);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new FieldException(field, "validation.controlCharacters");
            }
        }
        if (HTML_TAG.matcher(text).find()) {
            throw new FieldException(field, "validation.noHtml");
        }
        return text;
    }

    private static final java.util.regex.Pattern HTML_TAG =
            java.util.regex.Pattern.compile("<\\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;");
}
