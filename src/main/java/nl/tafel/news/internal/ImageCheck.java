package nl.tafel.news.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import nl.tafel.spaces.UploadException;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.springframework.stereotype.Component;

/**
 * A post's picture must be a picture: JPEG, PNG, GIF or WebP, detected from its bytes (Apache Tika), whatever its
 * name says. SVG is not accepted: it can carry script.
 */
@Component
public class ImageCheck {

    public static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final Tika tika = new Tika();

    /** Copies the upload to a temporary file (at most {@code max} bytes), so it can be checked and then stored. */
    public Path stage(InputStream content, long max, String fileName, long maxMegabytes) {
        try {
            Path file = Files.createTempFile("tafel-news-", ".upload");
            long copied = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = content; var out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    copied += n;
                    if (copied > max) {
                        throw new UploadException("upload.error.tooLarge", fileName, maxMegabytes);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            if (copied == 0) {
                Files.deleteIfExists(file);
                throw new UploadException("upload.error.empty", fileName);
            }
            return file;
        } catch (IOException e) {
            throw new UploadException("upload.error.interrupted", fileName);
        }
    }

    /** The picture's type; a file that is not a picture is refused with a message that names it. */
    public String requireImage(Path file, String fileName) {
        String type;
        try (InputStream in = TikaInputStream.get(file)) {
            type = tika.getDetector().detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!IMAGES.contains(type)) {
            throw new UploadException("news.error.notAnImage", fileName);
        }
        return type;
    }
}
