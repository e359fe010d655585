package nl.tafel.meetings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.ItemDraft;
import nl.tafel.meetings.ItemPurpose;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import org.jspecify.annotations.Nullable;

/**
 * An agenda item: title, purpose, presenter, minutes and description. When someone else changed the agenda
 * meanwhile, the dialog stays open with what was typed, shows the item as it is now, and lets the person take that
 * over or save their own text knowingly.
 */
final class ItemDialog extends Dialog {

    @FunctionalInterface
    interface Save {
        void save(ItemDraft draft, long agendaVersion);
    }

    /** The agenda as it is now: its version and (for an item being edited) the item itself. */
    interface Current {
        long agendaVersion();

        @Nullable AgendaItemView item();
    }

    private long version;

    ItemDialog(String heading, @Nullable AgendaItemView existing, long agendaVersion, Current current, Save save,
            Runnable done) {
        this.version = agendaVersion;
        setHeaderTitle(heading);
        setWidth("min(40rem, 95vw)");
        TextField title = new TextField(getTranslation("items.title"));
        title.setId("item-title");
        nl.tafel.shared.ui.Fields.limit(title, 200);
        Select<ItemPurpose> purpose = new Select<>();
        purpose.setLabel(getTranslation("items.purpose"));
        purpose.setId("item-purpose");
        purpose.setItems(ItemPurpose.values());
        purpose.setItemLabelGenerator(p -> getTranslation(p.translationKey()));
        purpose.setValue(ItemPurpose.DISCUSSION);
        TextField presenter = new TextField(getTranslation("items.presenter"));
        presenter.setId("item-presenter");
        IntegerField minutes = new IntegerField(getTranslation("items.minutes"));
        minutes.setId("item-minutes");
        minutes.setMin(0);
        minutes.setMax(600);
        minutes.setStepButtonsVisible(true);
        minutes.setStep(5);
        minutes.setValue(10);
        TextArea description = new TextArea(getTranslation("items.description"));
        description.setId("item-description");
        description.setMaxLength(4000);
        if (existing != null) {
            title.setValue(existing.title());
            purpose.setValue(existing.purpose());
            presenter.setValue(existing.presenter() == null ? "" : existing.presenter());
            minutes.setValue(existing.minutes());
            description.setValue(existing.description() == null ? "" : existing.description());
        }
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 3));
        layout.add(title, 3);
        layout.add(purpose, presenter, minutes);
        layout.add(description, 3);
        add(layout);
        FormErrors errors = new FormErrors(this).bind("title", title).bind("presenter", presenter)
                .bind("minutes", minutes).bind("description", description);
        com.vaadin.flow.component.html.Div conflict = new com.vaadin.flow.component.html.Div();
        conflict.setId("item-conflict");
        conflict.addClassName("tafel-warning");
        conflict.setVisible(false);
        add(conflict);
        Button ok = new Button(getTranslation("action.save"), e -> {
            errors.clear();
            if (minutes.isInvalid()) {
                return;
            }
            try {
                save.save(new ItemDraft(title.getValue(), purpose.getValue(), presenter.getValue(),
                        minutes.getValue() == null ? 0 : minutes.getValue(), description.getValue()), version);
                close();
                done.run();
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (nl.tafel.shared.ConcurrentEditException ex) {
                // keep what was typed; show the item as it is now; the next save is on the current agenda
                version = current.agendaVersion();
                AgendaItemView theirs = existing == null ? null : current.item();
                conflict.removeAll();
                conflict.add(new com.vaadin.flow.component.html.Paragraph(getTranslation(existing == null
                        ? "items.conflict.added" : theirs == null ? "items.conflict.removed"
                        : "items.conflict.changed")));
                if (theirs != null) {
                    com.vaadin.flow.component.html.Paragraph now = new com.vaadin.flow.component.html.Paragraph(
                            getTranslation("items.conflict.theirs", theirs.title(),
                                    theirs.description() == null ? "" : theirs.description()));
                    now.setId("item-conflict-theirs");
                    Button take = new Button(getTranslation("items.conflict.take"), t -> {
                        title.setValue(theirs.title());
                        purpose.setValue(theirs.purpose());
                        presenter.setValue(theirs.presenter() == null ? "" : theirs.presenter());
                        minutes.setValue(theirs.minutes());
                        description.setValue(theirs.description() == null ? "" : theirs.description());
                        conflict.setVisible(false);
                    });
                    take.setId("item-conflict-take");
                    conflict.add(now, take);
                }
                conflict.setVisible(true);
                e.getSource().setText(getTranslation("items.conflict.saveMine"));
                e.getSource().setVisible(existing == null || theirs != null);
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        ok.setId("item-save");
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
    }
}
