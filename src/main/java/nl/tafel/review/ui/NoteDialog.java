package nl.tafel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import nl.tafel.review.NoteService;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Notifications;

/** Changes the text of one's own note, or whether it is shared with the space. */
final class NoteDialog {

    private NoteDialog() {
    }

    static Dialog edit(NoteService notes, long id, String current, boolean isShared, long startVersion,
            Runnable done) {
        long[] version = {startVersion};
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(dialog.getTranslation("review.notes.edit"));
        dialog.setId("note-dialog");
        TextArea text = new TextArea(dialog.getTranslation("review.notes.text"));
        text.setId("note-edit-text");
        text.setValue(current);
        text.setMaxLength(4000);
        text.setWidth("min(32rem, 80vw)");
        Checkbox shared = new Checkbox(dialog.getTranslation("review.notes.share"), isShared);
        shared.setId("note-edit-shared");
        com.vaadin.flow.component.html.Div conflict = new com.vaadin.flow.component.html.Div();
        conflict.setId("note-conflict");
        conflict.addClassName("tafel-warning");
        conflict.setVisible(false);
        dialog.add(text, shared, conflict);
        Button save = new Button(dialog.getTranslation("action.save"), e -> {
            try {
                notes.update(id, text.getValue(), shared.getValue(), version[0]);
                dialog.close();
                done.run();
            } catch (FieldException ex) {
                text.setErrorMessage(dialog.getTranslation(ex.messageKey(), ex.arguments()));
                text.setInvalid(true);
            } catch (ConcurrentEditException ex) {
                // keep what was typed; show the stored text; the next save knowingly replaces it
                java.util.Optional<nl.tafel.review.MyNote> stored = notes.mine().stream().filter(n -> n.id() == id)
                        .findFirst();
                conflict.removeAll();
                conflict.add(new com.vaadin.flow.component.html.Paragraph(dialog.getTranslation(stored.isPresent()
                        ? "review.notes.conflict" : "review.notes.conflictGone")));
                stored.ifPresent(n -> {
                    version[0] = n.version();
                    TextArea theirs = new TextArea(dialog.getTranslation("review.notes.conflictStored"));
                    theirs.setId("note-conflict-theirs");
                    theirs.setValue(n.text());
                    theirs.setReadOnly(true);
                    theirs.setWidthFull();
                    Button take = new Button(dialog.getTranslation("review.notes.conflictTake"), t -> {
                        text.setValue(n.text());
                        shared.setValue(n.shared());
                        conflict.setVisible(false);
                    });
                    take.setId("note-conflict-take");
                    conflict.add(theirs, take);
                });
                conflict.setVisible(true);
                e.getSource().setText(dialog.getTranslation("items.conflict.saveMine"));
                e.getSource().setVisible(stored.isPresent());
            } catch (TafelException ex) {
                Notifications.error(dialog.getTranslation(ex.messageKey(), ex.arguments()));
                dialog.close();
                done.run();
            }
        });
        save.setId("note-edit-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(dialog.getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, save);
        return dialog;
    }
}
