package nl.tafel.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import nl.tafel.shared.ui.Languages;
import nl.tafel.shared.ui.Fields;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.web.csrf.CsrfToken;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Map;
import nl.tafel.members.AccountDirectory;
import nl.tafel.security.SignInLinks;
import nl.tafel.shared.EmailAddress;
import nl.tafel.shared.i18n.TafelI18NProvider;

/** Sign in with e-mail and password, or ask for a sign-in link when the password is forgotten. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AuthenticationContext authentication;
    private final AccountDirectory accounts;
    private final SignInLinks links;
    private final LoginForm form = new LoginForm();
    private final Div notice = new Div();

    LoginView(AuthenticationContext authentication, AccountDirectory accounts, SignInLinks links) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.links = links;
        addClassName("tafel-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 brand = new H1(getTranslation("app.name"));
        brand.addClassName("tafel-login-brand");
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.addClassName("tafel-login-tagline");

        form.setAction("login");
        form.setI18n(i18n());
        csrfField();
        form.addForgotPasswordListener(e -> openForgotPassword());

        notice.addClassName("tafel-login-notice");
        notice.setVisible(false);
        notice.setId("login-notice");

        Button language = new Button(getTranslation("login.otherLanguage"), e -> switchLanguage());
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.setId("login-language");

        add(brand, tagline, notice, form, language);
    }

    /**
     * The sign-in form posts natively to Spring Security: it carries the CSRF token as a field in the form's custom
     * area (which the login form sends along), so that another site cannot sign a browser into its own account.
     */
    private void csrfField() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        Object token = request == null ? null
                : request.getHttpServletRequest().getAttribute(CsrfToken.class.getName());
        if (token instanceof CsrfToken csrf) {
            com.vaadin.flow.dom.Element input = new com.vaadin.flow.dom.Element("input");
            input.setAttribute("type", "hidden");
            input.setAttribute("slot", "custom-form-area");
            input.setAttribute("name", csrf.getParameterName());
            input.setAttribute("value", csrf.getToken());
            input.setProperty("value", csrf.getToken());
            form.getElement().appendChild(input);
        }
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.email"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        f.setForgotPassword(getTranslation("login.forgotPassword"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.emailRequired"));
        error.setPassword(getTranslation("login.error.passwordRequired"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        if (accounts.awaitsFirstAdministrator()) {
            event.forwardTo(FirstAdministratorView.class);
            return;
        }
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("error")) {
            form.setError(true);
        } else if (params.containsKey("locked")) {
            showError("login.locked.title", "login.locked.message");
        } else if (params.containsKey("link-invalid")) {
            showError("login.linkInvalid.title", "login.linkInvalid.message");
        } else if (params.containsKey("expired")) {
            showNotice("login.expired");
        } else if (params.containsKey("logout")) {
            showNotice("login.loggedOut");
        } else if (params.containsKey("link-sent")) {
            showNotice("login.linkSent");
        } else if (params.containsKey("setup-done")) {
            showNotice("login.setupDone");
        } else if (params.containsKey("password-set")) {
            showNotice("login.passwordSet");
        }
    }

    private void showError(String titleKey, String messageKey) {
        LoginI18n i18n = i18n();
        i18n.getErrorMessage().setTitle(getTranslation(titleKey));
        i18n.getErrorMessage().setMessage(getTranslation(messageKey));
        form.setI18n(i18n);
        form.setError(true);
    }

    private void showNotice(String key) {
        notice.setText(getTranslation(key));
        notice.setVisible(true);
    }

    private void openForgotPassword() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("login.forgot.title"));
        EmailField email = Fields.email(getTranslation("login.email"));
        email.setWidthFull();
        email.setRequiredIndicatorVisible(true);
        email.setErrorMessage(getTranslation("validation.email.invalid"));
        email.setId("forgot-email");
        dialog.add(new Paragraph(getTranslation("login.forgot.text")), email);
        Button send = new Button(getTranslation("login.forgot.send"), e -> {
            String value = email.getValue();
            if (value == null || !EmailAddress.isValid(value.strip().toLowerCase(java.util.Locale.ROOT))) {
                email.setInvalid(true);
                return;
            }
            links.requestPasswordReset(value);
            dialog.close();
            showNotice("login.linkSent");
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("forgot-send");
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, send);
        dialog.open();
        email.focus();
    }

    private void switchLanguage() {
        boolean dutch = TafelI18NProvider.supported(getLocale()).equals(TafelI18NProvider.DUTCH);
        Languages.choose(dutch ? TafelI18NProvider.ENGLISH : TafelI18NProvider.DUTCH);
        UI.getCurrent().getPage().reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
