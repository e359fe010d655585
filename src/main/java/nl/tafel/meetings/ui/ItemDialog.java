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

/** An agenda item: title, purpose, presenter, minutes and description. */
final class ItemDialog extends Dialog {

    @FunctionalInterface
    interface Save {
        void save(ItemDraft draft);
    }

    ItemDialog(String heading, @Nullable AgendaItemView existing, Save save, Runnable done) {
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
        Button ok = new Button(getTranslation("action.save"), e -> {
            errors.clear();
            if (minutes.isInvalid()) {
                return;
            }
            try {
                save.save(new ItemDraft(title.getValue(), purpose.getValue(), presenter.getValue(),
                        minutes.getValue() == null ? 0 : minutes.getValue(), description.getValue()));
                close();
                done.run();
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                close();
                done.run();
            }
        });
        ok.setId("item-save");
        ok.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), ok);
    }
}
