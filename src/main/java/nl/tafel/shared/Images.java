package nl.tafel.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Whether some bytes are a picture a browser may show: JPEG, PNG, GIF or WebP, detected from the bytes (Apache Tika),
 * whatever the file's name says. SVG is never accepted: it can carry script.
 */
public final class Images {

    public static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private static final Tika TIKA = new Tika();

    private Images() {
    }

    /** The picture's media type, or empty when the bytes are not one of the accepted pictures. */
    public static Optional<String> type(byte[] content) {
        try (InputStream in = TikaInputStream.get(content)) {
            String type = TIKA.getDetector().detect(in, new Metadata()).getBaseType().toString();
            return TYPES.contains(type) ? Optional.of(type) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
