package nl.tafel.members.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import nl.tafel.members.AppRole;
import nl.tafel.members.OrganisationDetails;
import nl.tafel.members.PersonDetails;
import nl.tafel.members.PersonService;
import nl.tafel.members.PersonStatus;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.i18n.TafelI18NProvider;
import nl.tafel.shared.ui.Fields;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.Notifications;
import org.jspecify.annotations.Nullable;

/** Adds or edits a person. Nothing typed is lost on a refusal: the dialog stays open with the message. */
class PersonDialog extends Dialog {

    private final PersonService people;
    private final Consumer<PersonDetails> onSaved;
    private final Binder<PersonForm> binder = new Binder<>(PersonForm.class);
    private final FormErrors errors = new FormErrors(this);
    private final List<OrganisationDetails> organisations;
    private @Nullable PersonDetails existing;
    private final Span staleNotice = new Span();

    private final TextField fullName = new TextField();
    private final EmailField email = Fields.email("");
    private final ComboBox<OrganisationDetails> organisation = new ComboBox<>();
    private final TextField function = new TextField();
    private final TextField phone = new TextField();
    private final Select<AppRole> role = new Select<>();
    private final Select<Locale> language = new Select<>();

    PersonDialog(PersonService people, List<OrganisationDetails> organisations, @Nullable PersonDetails existing,
            Consumer<PersonDetails> onSaved) {
        this.people = people;
        this.organisations = organisations;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(existing == null ? "people.add" : "people.edit"));
        setWidth("min(40rem, 95vw)");
        setCloseOnOutsideClick(false);

        fullName.setLabel(getTranslation("person.fullName"));
        fullName.setId("person-name");
        fullName.setMaxLength(200);
        email.setLabel(getTranslation("person.email"));
        email.setId("person-email");
        organisation.setLabel(getTranslation("person.organisation"));
        organisation.setItems(organisations);
        organisation.setItemLabelGenerator(OrganisationDetails::name);
        organisation.setClearButtonVisible(true);
        function.setLabel(getTranslation("person.function"));
        function.setMaxLength(200);
        phone.setLabel(getTranslation("person.phone"));
        phone.setMaxLength(40);
        role.setLabel(getTranslation("person.role"));
        role.setItems(AppRole.values());
        role.setItemLabelGenerator(r -> getTranslation(r.translationKey()));
        role.setId("person-role");
        language.setLabel(getTranslation("person.language"));
        language.setItems(TafelI18NProvider.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));

        binder.forField(fullName).asRequired(getTranslation("validation.required"))
                .withValidator(new StringLengthValidator(getTranslation("validation.tooLong", 200), 1, 200))
                .bind(PersonForm::getFullName, PersonForm::setFullName);
        binder.forField(email).asRequired(getTranslation("validation.email.required"))
                .withValidator(new EmailValidator(getTranslation("validation.email.invalid")))
                .bind(PersonForm::getEmail, PersonForm::setEmail);
        binder.forField(organisation).bind(PersonForm::getOrganisation, PersonForm::setOrganisation);
        binder.forField(function).bind(PersonForm::getFunction, PersonForm::setFunction);
        binder.forField(phone).bind(PersonForm::getPhone, PersonForm::setPhone);
        binder.forField(role).asRequired(getTranslation("validation.required"))
                .bind(PersonForm::getRole, PersonForm::setRole);
        binder.forField(language).asRequired(getTranslation("validation.required"))
                .bind(PersonForm::getLocale, PersonForm::setLocale);
        errors.bind("fullName", fullName).bind("email", email).bind("organisation", organisation)
                .bind("function", function).bind("phone", phone).bind("role", role);

        binder.readBean(existing == null ? new PersonForm() : PersonForm.of(existing, organisations));

        FormLayout form = new FormLayout(fullName, email, organisation, function, phone, role, language);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        staleNotice.addClassName("tafel-warning");
        staleNotice.setVisible(false);
        add(staleNotice, form);

        Button save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("person-save");
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        if (existing != null) {
            getFooter().add(statusButtons(existing));
        }
        getFooter().add(cancel, save);
    }

    private Button[] statusButtons(PersonDetails person) {
        Button toggle;
        if (person.status() == PersonStatus.DEACTIVATED) {
            toggle = new Button(getTranslation("people.reactivate"), e -> run(() -> people.reactivate(person.id()),
                    "people.reactivated"));
        } else {
            toggle = new Button(getTranslation("people.deactivate"), e -> run(() -> people.deactivate(person.id()),
                    "people.deactivated"));
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        toggle.setId("person-toggle-active");
        toggle.getStyle().set("margin-inline-end", "auto");
        if (person.status() == PersonStatus.INVITED) {
            Button resend = new Button(getTranslation("people.resend"), e -> {
                try {
                    people.resendActivation(person.id());
                    Notifications.success(getTranslation("people.resent", person.email()));
                } catch (TafelException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
            });
            resend.setId("person-resend");
            return new Button[] {toggle, resend};
        }
        return new Button[] {toggle};
    }

    private void run(java.util.function.Supplier<PersonDetails> action, String successKey) {
        try {
            PersonDetails result = action.get();
            Notifications.success(getTranslation(successKey, result.fullName()));
            onSaved.accept(result);
            close();
        } catch (TafelException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void save() {
        errors.clear();
        PersonForm form = new PersonForm();
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            PersonDetails saved = existing == null
                    ? people.create(form.toDraft())
                    : people.update(existing.id(), existing.version(), form.toDraft());
            Notifications.success(getTranslation(existing == null ? "people.added" : "people.saved",
                    saved.fullName()));
            onSaved.accept(saved);
            close();
        } catch (FieldException e) {
            errors.show(e);
        } catch (ConcurrentEditException e) {
            showStale();
        } catch (TafelException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    /** Someone else saved first: say so, and offer their version, keeping what was typed until then. */
    private void showStale() {
        staleNotice.removeAll();
        staleNotice.add(getTranslation("error.concurrentEdit") + " ");
        Button reload = new Button(getTranslation("action.loadLatest"), e -> {
            PersonDetails latest = people.get(existing.id());
            existing = latest;
            binder.readBean(PersonForm.of(latest, organisations));
            staleNotice.setVisible(false);
        });
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        reload.setId("person-load-latest");
        staleNotice.add(reload);
        staleNotice.setVisible(true);
    }
}
