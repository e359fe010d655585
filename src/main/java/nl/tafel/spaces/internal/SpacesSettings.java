package nl.tafel.spaces.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code tafel.spaces}.
 *
 * @param maxUploadSize the largest file accepted, enforced on the server while the upload streams in
 * @param trashDays how long deleted items can be restored before the purge removes them
 * @param textTimeout how long text extraction of one file may take before it is given up
 * @param textMaxCharacters how much text is kept per version
 * @param soffice the LibreOffice command that converts office files to PDF for reading, when installed
 * @param conversionTimeout how long one conversion may take
 */
@ConfigurationProperties("tafel.spaces")
public record SpacesSettings(DataSize maxUploadSize, int trashDays, Duration textTimeout, int textMaxCharacters,
        String soffice, Duration conversionTimeout) {

    public SpacesSettings {
        if (maxUploadSize == null) {
            maxUploadSize = DataSize.ofMegabytes(250);
        }
        if (trashDays <= 0) {
            trashDays = 30;
        }
        if (textTimeout == null) {
            textTimeout = Duration.ofSeconds(30);
        }
        if (textMaxCharacters <= 0) {
            textMaxCharacters = 1_000_000;
        }
        if (soffice == null || soffice.isBlank()) {
            soffice = "soffice";
        }
        if (conversionTimeout == null) {
            conversionTimeout = Duration.ofSeconds(90);
        }
    }
}
