package nl.tafel.invitations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import nl.tafel.invitations.GuestDraft;
import nl.tafel.invitations.InvitationService;
import nl.tafel.meetings.MeetingId;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.i18n.TafelI18NProvider;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;

/** Invites a guest by e-mail: name, address, language, and whether their presence is required. */
class GuestDialog extends Dialog {

    GuestDialog(InvitationService invitations, MeetingId meeting, Runnable saved) {
        setHeaderTitle(getTranslation("invitations.addGuest"));
        setWidth("min(32rem, 95vw)");
        TextField name = new TextField(getTranslation("invitations.guest.name"));
        name.setId("guest-name");
        name.setMaxLength(200);
        // a plain text field: the server checks the address and says what is wrong with exactly what was typed
        TextField email = new TextField(getTranslation("invitations.guest.email"));
        email.getElement().setAttribute("inputmode", "email");
        email.getElement().setAttribute("autocomplete", "email");
        email.setId("guest-email");
        Select<Locale> language = new Select<>();
        language.setLabel(getTranslation("invitations.guest.language"));
        language.setItems(TafelI18NProvider.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(TafelI18NProvider.DUTCH);
        Checkbox required = new Checkbox(getTranslation("invitations.guest.required"), false);
        FormErrors errors = new FormErrors(this).bind("name", name).bind("email", email);
        FormLayout form = new FormLayout(name, email, language, required);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button(getTranslation("invitations.guest.save"), e -> {
            errors.clear();
            try {
                invitations.addGuest(meeting, new GuestDraft(name.getValue(), email.getValue(), required.getValue(),
                        language.getValue()));
                close();
                Notifications.success(getTranslation("invitations.guest.added", name.getValue().strip()));
                saved.run();
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("guest-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
