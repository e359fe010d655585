package nl.tafel.spaces.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.TrashItem;

/** The space's trash: what was deleted, by whom, and until when it can be restored. */
final class TrashDialog extends Dialog {

    private final DocumentService documents;
    private final SpaceDetails space;
    private final Grid<TrashItem> grid = new Grid<>();
    private final Runnable changed;

    TrashDialog(DocumentService documents, SpaceDetails space, Runnable changed) {
        this.documents = documents;
        this.space = space;
        this.changed = changed;
        setHeaderTitle(getTranslation("trash.title", space.name()));
        setWidth("min(60rem, 95vw)");
        Paragraph intro = new Paragraph(getTranslation("trash.intro"));
        intro.addClassName("tafel-muted");
        grid.setId("trash-grid");
        grid.addComponentColumn(item -> FileTypes.icon(item.kind() == nl.tafel.spaces.FolderItem.Kind.FOLDER
                ? null : "")).setFlexGrow(0).setWidth("3rem");
        grid.addColumn(TrashItem::name).setHeader(getTranslation("documents.name")).setFlexGrow(3);
        grid.addColumn(TrashItem::originalPlace).setHeader(getTranslation("trash.place")).setFlexGrow(2);
        grid.addColumn(item -> Formats.dateTime(item.deletedAt(), getLocale()) + " · " + item.deletedBy())
                .setHeader(getTranslation("trash.deleted")).setFlexGrow(2);
        grid.addColumn(item -> Formats.dateTime(item.purgeAfter(), getLocale()))
                .setHeader(getTranslation("trash.until")).setFlexGrow(1);
        grid.addComponentColumn(item -> {
            Button restore = new Button(getTranslation("trash.restore"), e -> restore(item));
            restore.addThemeVariants(ButtonVariant.SMALL);
            return restore;
        }).setKey("restore").setFlexGrow(0).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("trash.empty"));
        grid.setAllRowsVisible(true);
        add(intro, grid);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        reload();
    }

    private void restore(TrashItem item) {
        try {
            String name = documents.restore(item.kind(), item.id());
            Notifications.success(getTranslation("trash.restored", name));
            changed.run();
        } catch (TafelException ex) {
            Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
        }
        reload();
    }

    private void reload() {
        grid.setItems(documents.trash(space.id()));
    }
}
