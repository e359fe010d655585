package nl.tafel.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.tafel.members.AccountDirectory;
import nl.tafel.members.Passwords;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Fields;
import nl.tafel.shared.ui.NewPassword;

/** On an empty database, the first visitor creates the administrator. Afterwards this page is closed. */
@Route(value = "eerste-beheerder", autoLayout = false)
@AnonymousAllowed
public class FirstAdministratorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountDirectory accounts;
    private final TextField name = new TextField();
    private final EmailField email = Fields.email("");
    private final NewPassword password = new NewPassword("setup-password", "setup-repeat", Passwords.MIN_LENGTH);

    FirstAdministratorView(AccountDirectory accounts) {
        this.accounts = accounts;
        addClassName("tafel-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        name.setLabel(getTranslation("person.fullName"));
        email.setLabel(getTranslation("person.email"));
        name.setId("setup-name");
        email.setId("setup-email");
        name.setWidthFull();
        email.setWidthFull();
        password.setWidthFull();

        Button create = new Button(getTranslation("setup.create"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("setup-create");

        Div card = new Div(new H1(getTranslation("setup.title")), new Paragraph(getTranslation("setup.text")),
                name, email, password.password(), password.repeat(), create);
        card.addClassName("tafel-card");
        add(card);
    }

    private void create() {
        name.setInvalid(false);
        email.setInvalid(false);
        password.password().setInvalid(false);
        if (!password.matches()) {
            return;
        }
        try {
            accounts.createFirstAdministrator(name.getValue(), email.getValue(), password.value(), getLocale());
            getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.of("setup-done", "")));
        } catch (FieldException e) {
            com.vaadin.flow.component.HasValidation field = switch (e.field()) {
                case "fullName" -> name;
                case "email" -> email;
                default -> password.password();
            };
            field.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            field.setInvalid(true);
        } catch (TafelException e) {
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!accounts.awaitsFirstAdministrator()) {
            event.forwardTo(LoginView.class);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title") + " · " + getTranslation("app.name");
    }
}
