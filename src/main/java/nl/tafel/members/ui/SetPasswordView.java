package nl.tafel.members.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nl.tafel.members.Passwords;
import nl.tafel.members.ProfileService;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.FormErrors;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.NewPassword;
import nl.tafel.shared.ui.Notifications;
import org.springframework.security.core.context.SecurityContextHolder;

/** After an activation or reset link: choose a password (the old one is not asked). */
@Route("wachtwoord-instellen")
@PermitAll
class SetPasswordView extends VerticalLayout
        implements BeforeEnterObserver, HasDynamicTitle, MainLayout.HasViewTitle {

    private final ProfileService profiles;

    SetPasswordView(ProfileService profiles) {
        this.profiles = profiles;
        addClassName("tafel-view");
        NewPassword fresh = new NewPassword("set-password", "set-password-repeat", Passwords.MIN_LENGTH);
        fresh.setWidthFull();
        FormErrors errors = new FormErrors(this).bind("newPassword", fresh.password());
        Button save = new Button(getTranslation("setPassword.save"), e -> {
            errors.clear();
            if (!fresh.matches()) {
                return;
            }
            try {
                profiles.setPasswordFromLink(fresh.value());
                endLinkSession();
            } catch (FieldException ex) {
                errors.show(ex);
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("set-password-save");
        Div card = new Div(new H1(getTranslation("setPassword.title")),
                new Paragraph(getTranslation("setPassword.text")), fresh.password(), fresh.repeat(), save);
        card.addClassName("tafel-card");
        card.addClassName("tafel-narrow");
        add(card);
    }

    /**
     * The session opened by the link has done its one job: it ends, and the person signs in with the new password.
     * So a link session can never set a password twice.
     */
    private void endLinkSession() {
        SecurityContextHolder.clearContext();
        getUI().ifPresent(ui -> {
            ui.getSession().getSession().invalidate();
            ui.getPage().setLocation("login?password-set");
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!profiles.signedInWithLink()) {
            event.forwardTo(ProfileView.class);
        }
    }

    @Override
    public String viewTitle() {
        return getTranslation("setPassword.title");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setPassword.title") + " · " + getTranslation("app.name");
    }
}
