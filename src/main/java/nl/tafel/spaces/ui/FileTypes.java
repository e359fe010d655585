package nl.tafel.spaces.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import nl.tafel.spaces.DocumentNames;
import org.jspecify.annotations.Nullable;

/** A file type as a word and an icon people recognise. */
final class FileTypes {

    private FileTypes() {
    }

    static String label(Component c, @Nullable String mediaType, String name) {
        String key = key(mediaType);
        if (key.equals("fileType.other")) {
            String extension = DocumentNames.extension(name);
            return extension.isEmpty() ? c.getTranslation("fileType.other")
                    : extension.toUpperCase(java.util.Locale.ROOT);
        }
        return c.getTranslation(key);
    }

    static Icon icon(@Nullable String mediaType) {
        Icon icon = vaadinIcon(mediaType).create();
        icon.addClassName("tafel-file-icon");
        return icon;
    }

    /** The icon's name for templates, such as {@code vaadin:folder}. */
    static String iconName(@Nullable String mediaType) {
        return "vaadin:" + vaadinIcon(mediaType).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static VaadinIcon vaadinIcon(@Nullable String mediaType) {
        return switch (key(mediaType)) {
            case "fileType.folder" -> VaadinIcon.FOLDER;
            case "fileType.pdf" -> VaadinIcon.FILE_TEXT_O;
            case "fileType.word", "fileType.text" -> VaadinIcon.FILE_TEXT;
            case "fileType.excel" -> VaadinIcon.FILE_TABLE;
            case "fileType.powerpoint" -> VaadinIcon.FILE_PRESENTATION;
            case "fileType.image" -> VaadinIcon.FILE_PICTURE;
            default -> VaadinIcon.FILE_O;
        };
    }

    private static String key(@Nullable String mediaType) {
        if (mediaType == null) {
            return "fileType.folder";
        }
        if (mediaType.equals("application/pdf")) {
            return "fileType.pdf";
        }
        if (mediaType.contains("wordprocessingml") || mediaType.equals("application/msword")
                || mediaType.contains("opendocument.text") || mediaType.equals("application/rtf")) {
            return "fileType.word";
        }
        if (mediaType.contains("spreadsheetml") || mediaType.equals("application/vnd.ms-excel")
                || mediaType.contains("opendocument.spreadsheet") || mediaType.equals("text/csv")) {
            return "fileType.excel";
        }
        if (mediaType.contains("presentationml") || mediaType.equals("application/vnd.ms-powerpoint")
                || mediaType.contains("opendocument.presentation")) {
            return "fileType.powerpoint";
        }
        if (mediaType.startsWith("image/")) {
            return "fileType.image";
        }
        if (mediaType.startsWith("text/")) {
            return "fileType.text";
        }
        return "fileType.other";
    }
}
