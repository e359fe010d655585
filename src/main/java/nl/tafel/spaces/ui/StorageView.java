package nl.tafel.spaces.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.BlobReport;
import nl.tafel.spaces.StorageService;
import org.jspecify.annotations.Nullable;

/** For administrators: is all document content where the database says it is? */
@Route("beheer/opslag")
@RolesAllowed("ADMINISTRATOR")
@Menu(order = 70, title = "nav.storage", icon = "vaadin:database")
class StorageView extends VerticalLayout implements HasDynamicTitle {

    private final StorageService storage;
    private final Div report = new Div();

    StorageView(StorageService storage) {
        this.storage = storage;
        addClassName("tafel-view");
        Button check = new Button(getTranslation("storage.check"), VaadinIcon.CHECK_CIRCLE_O.create(), e -> {
            show(storage.check());
            Notifications.success(getTranslation("storage.checked"));
        });
        check.setId("storage-check");
        check.addThemeVariants(ButtonVariant.PRIMARY);
        Button purge = new Button(getTranslation("storage.purge"), VaadinIcon.TRASH.create(), e -> {
            int removed = storage.purgeExpiredTrash();
            Notifications.success(getTranslation("storage.purged", removed));
        });
        purge.setId("storage-purge");
        add(new ViewHeader(getTranslation("nav.storage"), getTranslation("storage.intro"), check, purge));
        report.setId("storage-report");
        add(report);
        show(storage.lastReport());
    }

    private void show(@Nullable BlobReport result) {
        report.removeAll();
        if (result == null) {
            report.add(new Paragraph(getTranslation("storage.notYet")));
            return;
        }
        report.add(new Paragraph(getTranslation("storage.summary", Formats.dateTime(result.checkedAt(), getLocale()),
                result.stored(), result.referenced())));
        Paragraph missing = new Paragraph(getTranslation("storage.missing", result.missing().size()));
        missing.addClassName(result.missing().isEmpty() ? "tafel-ok" : "tafel-error-text");
        report.add(missing, list(result.missing()));
        Paragraph orphaned = new Paragraph(getTranslation("storage.orphaned", result.orphaned().size()));
        orphaned.addClassName("tafel-muted");
        report.add(orphaned, list(result.orphaned()));
    }

    private static UnorderedList list(java.util.List<String> hashes) {
        UnorderedList list = new UnorderedList();
        list.addClassName("tafel-sha-list");
        hashes.stream().limit(50).forEach(h -> list.add(new ListItem(h)));
        return list;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.storage") + " · " + getTranslation("app.name");
    }
}
