package nl.tafel.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** The upload component's texts in the person's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N i18n(Component c, long maxBytes) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(c.getTranslation("upload.dropOne"))
                .setMany(c.getTranslation("upload.dropMany")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(c.getTranslation("upload.addOne"))
                .setMany(c.getTranslation("upload.addMany")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(c.getTranslation("upload.error.tooMany"))
                .setFileIsTooBig(c.getTranslation("upload.error.tooLargeShort", maxBytes / (1024 * 1024)))
                .setIncorrectFileType(c.getTranslation("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(c.getTranslation("upload.status.connecting"))
                        .setStalled(c.getTranslation("upload.status.stalled"))
                        .setProcessing(c.getTranslation("upload.status.processing"))
                        .setHeld(c.getTranslation("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(c.getTranslation("upload.remaining"))
                        .setUnknown(c.getTranslation("upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(c.getTranslation("upload.error.server"))
                        .setUnexpectedServerError(c.getTranslation("upload.error.server"))
                        .setForbidden(c.getTranslation("upload.error.forbidden"))
                        .setFileTooLarge(c.getTranslation("upload.error.tooLargeShort", maxBytes / (1024 * 1024)))));
        i18n.setFile(new UploadI18N.File().setRetry(c.getTranslation("upload.retry"))
                .setStart(c.getTranslation("upload.start")).setRemove(c.getTranslation("upload.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"), 1024);
        return i18n;
    }
}
