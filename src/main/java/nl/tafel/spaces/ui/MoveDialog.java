package nl.tafel.spaces.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;
import java.util.Optional;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderChoice;
import nl.tafel.spaces.FolderItem;
import nl.tafel.spaces.SpaceDetails;

/** Moves a folder or document to another folder of the same space. */
final class MoveDialog extends Dialog {

    MoveDialog(DocumentService documents, SpaceDetails space, FolderItem item, Runnable done) {
        setHeaderTitle(getTranslation("move.title", item.name()));
        setWidth("min(32rem, 95vw)");
        List<FolderChoice> tree = documents.folderTree(space.id());
        Optional<String> ownPath = item.isFolder() ? tree.stream().filter(c -> c.id().equals(item.folderId()))
                .map(FolderChoice::path).findFirst() : Optional.empty();
        // A folder cannot go into itself or one of its own folders; the service refuses that too.
        List<FolderChoice> targets = tree.stream()
                .filter(c -> ownPath.isEmpty()
                        || !(c.path().equals(ownPath.get()) || c.path().startsWith(ownPath.get() + "/")))
                .toList();
        ComboBox<FolderChoice> target = new ComboBox<>(getTranslation("move.target"));
        target.setId("move-target");
        target.setWidthFull();
        target.setItems(targets);
        target.setItemLabelGenerator(c -> c.depth() == 0 ? space.name() : space.name() + c.path());
        add(target);
        Button move = new Button(getTranslation("action.move"), e -> {
            if (target.getValue() == null) {
                target.setErrorMessage(getTranslation("move.chooseTarget"));
                target.setInvalid(true);
                return;
            }
            try {
                if (item.isFolder()) {
                    documents.moveFolder(item.folderId(), target.getValue().id(), item.version());
                } else {
                    documents.moveDocument(item.documentId(), target.getValue().id(), item.version());
                }
                close();
                Notifications.success(getTranslation("move.done", item.name()));
                done.run();
            } catch (TafelException ex) {
                target.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                target.setInvalid(true);
            }
        });
        move.setId("move-submit");
        move.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), move);
    }
}
