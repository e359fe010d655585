package nl.tafel.spaces.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.spaces.NameProblem;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * File types from content (Apache Tika), not from names. A file whose content contradicts its extension, or that is
 * a program, is refused.
 */
@Component
public class ContentTypes {

    /** Content that runs when opened, whatever its name says: never stored. */
    private static final Set<String> PROGRAMS = Set.of(
            "application/x-dosexec", "application/x-msdownload", "application/x-executable",
            "application/x-elf", "application/x-sharedlib", "application/x-mach-o-executable",
            "application/x-mach-o", "application/x-ms-installer", "application/x-msi",
            "application/x-sh", "application/x-bat", "application/x-ms-shortcut",
            "application/java-vm", "application/x-java-applet");

    /** Types a browser may show inline; everything else is only downloaded. */
    private static final Set<String> INLINE = Set.of(
            "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");

    private final Tika tika = new Tika();
    private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    /** The type of this content, detected from its bytes (the name only refines a generic container). */
    public String detect(StagedBlob blob, String fileName) throws IOException {
        // from the staged file itself, so that container detectors (zip, OLE) read it in place, not from a copy
        try (InputStream in = TikaInputStream.get(blob.file())) {
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            return tika.getDetector().detect(in, metadata).getBaseType().toString();
        }
    }

    /** The type the content itself has, without looking at the name at all. */
    public String detectContentOnly(StagedBlob blob) throws IOException {
        try (InputStream in = TikaInputStream.get(blob.file())) {
            return tika.getDetector().detect(in, new Metadata()).getBaseType().toString();
        }
    }

    /**
     * A problem when the content is a program, or when the name's extension promises a type the content is not
     * (an .exe renamed .pdf).
     */
    public Optional<NameProblem> check(String fileName, String byContent) {
        if (PROGRAMS.contains(byContent)) {
            return Optional.of(new NameProblem("upload.error.program", fileName));
        }
        String extension = DocumentNames.extension(fileName);
        if (extension.isEmpty()) {
            return Optional.empty();
        }
        MediaType byName = MediaType.parse(tika.detect(fileName));
        MediaType actual = MediaType.parse(byContent);
        if (byName == null || actual == null || MediaType.OCTET_STREAM.equals(byName)) {
            return Optional.empty();
        }
        if (related(byName, actual)) {
            return Optional.empty();
        }
        return Optional.of(new NameProblem("upload.error.typeMismatch", fileName, "." + extension,
                describe(byContent)));
    }

    private boolean related(MediaType byName, MediaType actual) {
        if (byName.equals(actual) || registry.isInstanceOf(actual, byName) || registry.isInstanceOf(byName, actual)) {
            return true;
        }
        // Plain text is what text files of any kind look like from the inside (.csv, .md, .ics ...).
        boolean textual = actual.getType().equals("text") || MediaType.TEXT_PLAIN.equals(actual);
        return textual && (byName.getType().equals("text") || registry.isInstanceOf(byName, MediaType.TEXT_PLAIN));
    }

    /** A short description of a type for messages: its usual extension in capitals, such as "PDF" or "DOCX". */
    public static String describe(String mediaType) {
        try {
            String extension = MimeTypes.getDefaultMimeTypes().forName(mediaType).getExtension();
            if (!extension.isEmpty()) {
                return extension.substring(1).toUpperCase(java.util.Locale.ROOT);
            }
        } catch (org.apache.tika.mime.MimeTypeException e) {
            // fall through to the type itself
        }
        return mediaType;
    }

    /**
     * A problem when content uploaded as a new version is of another type than the document (a Word file as the
     * next version of a PDF).
     */
    public Optional<NameProblem> checkVersion(String documentName, String byContent) {
        return check(documentName, byContent).map(problem -> new NameProblem("upload.error.versionType",
                documentName, "." + DocumentNames.extension(documentName), describe(byContent)));
    }

    public static boolean showsInline(String mediaType) {
        return INLINE.contains(mediaType);
    }

    public static boolean isOfficeDocument(String mediaType) {
        return mediaType.startsWith("application/vnd.openxmlformats-officedocument")
                || mediaType.startsWith("application/vnd.ms-")
                || mediaType.equals("application/msword")
                || mediaType.startsWith("application/vnd.oasis.opendocument")
                || mediaType.equals("application/rtf");
    }
}
