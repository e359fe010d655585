package nl.tafel.members.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import nl.tafel.shared.ui.Languages;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import nl.tafel.members.DirectoryService;
import nl.tafel.members.MyProfile;
import nl.tafel.members.Passwords;
import nl.tafel.members.ProfileService;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.i18n.TafelI18NProvider;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.NewPassword;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;

/** Everyone's own page: name, language, what the member directory shows of them, and password. */
@Route("profiel")
@PermitAll
class ProfileView extends VerticalLayout implements HasDynamicTitle, MainLayout.HasViewTitle {

    private final ProfileService profiles;
    private final DirectoryEntryCard directoryCard;
    private MyProfile me;
    private final TextField name = new TextField();
    private final Select<Locale> language = new Select<>();

    ProfileView(ProfileService profiles, DirectoryService directory) {
        this.profiles = profiles;
        this.me = profiles.me();
        this.directoryCard = new DirectoryEntryCard(directory, me.id(), me.organisationName(), me.email(),
                () -> me = profiles.me());
        addClassName("tafel-view");
        add(new ViewHeader(getTranslation("profile.title"), getTranslation("profile.description")));

        name.setLabel(getTranslation("person.fullName"));
        name.setMaxLength(200);
        name.setId("profile-name");
        language.setLabel(getTranslation("person.language"));
        language.setItems(TafelI18NProvider.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setId("profile-language");
        TextField email = readOnly("person.email", me.email());
        TextField organisation = readOnly("person.organisation", me.organisationName());
        TextField role = readOnly("person.role", getTranslation(me.role().translationKey()));
        fill();

        FormErrors errors = new FormErrors(this).bind("fullName", name);
        Button save = new Button(getTranslation("action.save"), e -> {
            errors.clear();
            try {
                Locale before = me.locale();
                me = profiles.update(me.version(), name.getValue(), language.getValue());
                directoryCard.versionMoved();
                Notifications.success(getTranslation("profile.saved"));
                if (!before.equals(me.locale())) {
                    Languages.choose(me.locale());
                    UI.getCurrent().getPage().reload();
                }
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (ConcurrentEditException ex) {
                Notifications.error(getTranslation(ex.messageKey()));
                me = profiles.me();
                fill();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("profile-save");
        FormLayout details = new FormLayout(name, language, email, organisation, role);
        details.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        Div detailsCard = new Div(details, save);
        detailsCard.addClassName("tafel-card");

        Paragraph directoryIntro = new Paragraph(getTranslation("directory.profile.description"));
        directoryIntro.addClassName("tafel-muted");
        add(detailsCard, new H2(getTranslation("directory.profile.title")), directoryIntro, directoryCard,
                new H2(getTranslation("profile.password")), passwordCard());
    }

    private Div passwordCard() {
        PasswordField current = new PasswordField(getTranslation("profile.currentPassword"));
        current.setId("profile-current-password");
        NewPassword fresh = new NewPassword("profile-new-password", "profile-repeat-password",
                Passwords.MIN_LENGTH);
        FormErrors errors = new FormErrors(this).bind("currentPassword", current)
                .bind("newPassword", fresh.password());
        Button change = new Button(getTranslation("profile.changePassword"), e -> {
            errors.clear();
            if (!fresh.matches()) {
                return;
            }
            try {
                profiles.changePassword(current.getValue(), fresh.value());
                current.clear();
                fresh.clear();
                Notifications.success(getTranslation("profile.passwordChanged"));
            } catch (FieldException ex) {
                errors.show(ex);
            }
        });
        change.setId("profile-change-password");
        FormLayout form = new FormLayout(current, fresh.password(), fresh.repeat());
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 3));
        Div card = new Div(form, change);
        card.addClassName("tafel-card");
        return card;
    }

    private void fill() {
        name.setValue(me.fullName());
        language.setValue(TafelI18NProvider.supported(me.locale()));
    }

    private TextField readOnly(String labelKey, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }

    @Override
    public String viewTitle() {
        return getTranslation("profile.title");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("profile.title") + " · " + getTranslation("app.name");
    }
}
