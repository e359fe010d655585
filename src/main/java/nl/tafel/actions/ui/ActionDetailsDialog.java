package nl.tafel.actions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionStatus;
import nl.tafel.actions.ActionView;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.Notifications;

/** One action: who, when, its status and its progress notes; owners and managers update it here. */
class ActionDetailsDialog extends Dialog {

    ActionDetailsDialog(ActionService actions, ActionView action, Runnable changed) {
        setHeaderTitle(action.number());
        setWidth("min(36rem, 95vw)");
        boolean canEdit = actions.canEdit(action);
        add(new Paragraph(action.description()));
        Div facts = new Div();
        facts.addClassName("tafel-meeting-facts");
        facts.add(new Span(getTranslation("actions.ownersOf", action.ownerNames())));
        if (action.due() != null) {
            facts.add(new Span(getTranslation("actions.dueOn", Formats.date(action.due(), getLocale()))));
        }
        add(facts);
        Select<ActionStatus> status = new Select<>();
        status.setLabel(getTranslation("actions.status"));
        status.setItems(ActionStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
        status.setValue(action.status());
        status.setReadOnly(!canEdit);
        status.setId("action-status");
        status.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                actions.setStatus(action.id(), e.getValue(), action.version(), null);
                Notifications.success(getTranslation("actions.statusSaved", action.number(),
                        getTranslation(e.getValue().translationKey())));
                close();
                changed.run();
            } catch (ConcurrentEditException ex) {
                Notifications.error(getTranslation("actions.changedMeanwhile"));
                close();
                changed.run();
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        add(status);
        add(new H4(getTranslation("actions.notes")));
        Div notes = new Div();
        notes.setId("action-notes");
        if (action.notes().isEmpty()) {
            Span none = new Span(getTranslation("actions.noNotes"));
            none.addClassName("tafel-muted");
            notes.add(none);
        }
        for (ActionView.Note note : action.notes()) {
            Div line = new Div(new Span(note.text()));
            Span meta = new Span(" — " + note.by() + ", " + Formats.dateTime(note.at(), getLocale()));
            meta.addClassName("tafel-muted");
            line.add(meta);
            notes.add(line);
        }
        add(notes);
        if (canEdit) {
            TextArea note = new TextArea(getTranslation("actions.addNote"));
            note.setWidthFull();
            note.setMaxLength(2000);
            note.setId("action-note");
            Button addNote = new Button(getTranslation("actions.saveNote"), e -> {
                try {
                    actions.addNote(action.id(), note.getValue());
                    close();
                    Notifications.success(getTranslation("actions.noteSaved"));
                    changed.run();
                } catch (FieldException ex) {
                    note.setInvalid(true);
                    note.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                }
            });
            addNote.addThemeVariants(ButtonVariant.PRIMARY);
            addNote.setId("action-note-save");
            add(note, addNote);
        }
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }
}
