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

    static Dialog edit(NoteService notes, long id, String current, boolean isShared, long version, Runnable done) {
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
        dialog.add(text, shared);
        Button save = new Button(dialog.getTranslation("action.save"), e -> {
            try {
                notes.update(id, text.getValue(), shared.getValue(), version);
                dialog.close();
                done.run();
            } catch (FieldException ex) {
                text.setErrorMessage(dialog.getTranslation(ex.messageKey(), ex.arguments()));
                text.setInvalid(true);
            } catch (ConcurrentEditException ex) {
                Notifications.error(dialog.getTranslation("review.error.noteChanged"));
                dialog.close();
                done.run();
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
