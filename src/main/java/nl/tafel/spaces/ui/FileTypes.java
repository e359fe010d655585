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
        Icon icon = switch (key(mediaType)) {
            case "fileType.folder" -> VaadinIcon.FOLDER.create();
            case "fileType.pdf" -> VaadinIcon.FILE_TEXT_O.create();
            case "fileType.word", "fileType.text" -> VaadinIcon.FILE_TEXT.create();
            case "fileType.excel" -> VaadinIcon.FILE_TABLE.create();
            case "fileType.powerpoint" -> VaadinIcon.FILE_PRESENTATION.create();
            case "fileType.image" -> VaadinIcon.FILE_PICTURE.create();
            default -> VaadinIcon.FILE_O.create();
        };
        icon.addClassName("tafel-file-icon");
        return icon;
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
