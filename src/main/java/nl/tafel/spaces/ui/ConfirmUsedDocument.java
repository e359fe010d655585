package nl.tafel.spaces.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentUsage;
import nl.tafel.spaces.DocumentUses;

/**
 * Before a document goes to the trash: when it is a paper on a published agenda, the person is asked first, naming
 * the meeting ("„Begroting.pdf” staat op de agenda van „Bestuursvergadering” van 13-01-2026"); otherwise it goes at
 * once (the trash can undo it).
 */
final class ConfirmUsedDocument {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private ConfirmUsedDocument() {
    }

    static void thenDelete(DocumentUsage usage, DocumentId id, String name, Runnable delete) {
        List<DocumentUses.Use> uses = usage.of(id);
        if (uses.isEmpty()) {
            delete.run();
            return;
        }
        UI ui = UI.getCurrent();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        String meetings = uses.stream().map(u -> ui.getTranslation("documents.usedIn.meeting", u.what(),
                day.format(u.when().atZone(ZONE)))).collect(Collectors.joining(", "));
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("document-used-confirm");
        dialog.setHeader(ui.getTranslation("documents.usedIn.title"));
        dialog.setText(ui.getTranslation("documents.usedIn.text", name, meetings));
        dialog.setCancelable(true);
        dialog.setCancelText(ui.getTranslation("action.cancel"));
        dialog.setConfirmText(ui.getTranslation("documents.usedIn.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete.run());
        dialog.open();
    }
}
