package nl.tafel.operations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.UUID;
import nl.tafel.operations.BackupService;
import nl.tafel.operations.BackupStatus;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For administrators: the last backup, its size, whether it verified; and a backup now. */
@Route("beheer/back-ups")
@RolesAllowed("ADMINISTRATOR")
@Menu(order = 72, title = "nav.backups", icon = "vaadin:archive")
class BackupView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(BackupView.class);

    private final BackupService backups;
    private final Div status = new Div();

    BackupView(BackupService backups) {
        this.backups = backups;
        addClassName("tafel-view");
        Button now = new Button(getTranslation("backup.now"), VaadinIcon.ARCHIVE.create(), e -> backupNow());
        now.setId("backup-now");
        now.addThemeVariants(ButtonVariant.PRIMARY);
        add(new ViewHeader(getTranslation("nav.backups"), getTranslation("backup.intro"), now));
        status.setId("backup-status");
        add(status);
        show(backups.status());
    }

    private void backupNow() {
        try {
            show(backups.backupNow());
            Notifications.success(getTranslation("backup.done"));
        } catch (Exception ex) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Backup on demand failed (reference {})", reference, ex);
            Notifications.error(getTranslation("backup.failedNow", reference));
        }
    }

    private void show(BackupStatus s) {
        status.removeAll();
        if (s.failedAt() != null) {
            Paragraph failed = new Paragraph(getTranslation("backup.lastFailed",
                    Formats.dateTime(s.failedAt(), getLocale()), s.reference()));
            failed.setId("backup-failed");
            failed.addClassName("tafel-error-text");
            status.add(failed);
        }
        if (s.at() == null || s.file() == null) {
            Paragraph none = new Paragraph(getTranslation("backup.none"));
            none.setId("backup-last");
            status.add(none);
            return;
        }
        Paragraph last = new Paragraph(getTranslation("backup.last", Formats.dateTime(s.at(), getLocale()),
                Path.of(s.file()).getFileName().toString(), size(s.sizeBytes())));
        last.setId("backup-last");
        Paragraph verified = new Paragraph(getTranslation(s.verified() ? "backup.verified" : "backup.notVerified"));
        verified.setId("backup-verified");
        verified.addClassName(s.verified() ? "tafel-ok" : "tafel-error-text");
        Paragraph where = new Paragraph(getTranslation("backup.where", Path.of(s.file()).getParent().toString()));
        where.addClassName("tafel-muted");
        status.add(last, verified, where);
    }

    private String size(long bytes) {
        NumberFormat number = NumberFormat.getNumberInstance(getLocale());
        number.setMaximumFractionDigits(1);
        return bytes < 1024 * 1024 ? number.format(bytes / 1024.0) + " kB"
                : number.format(bytes / (1024.0 * 1024)) + " MB";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.backups") + " · " + getTranslation("app.name");
    }
}
