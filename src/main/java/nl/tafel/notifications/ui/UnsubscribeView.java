package nl.tafel.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.tafel.notifications.NewsletterService;
import nl.tafel.notifications.Unsubscriptions;

/**
 * Where the unsubscribe link of a newsletter lands, without signing in. Unsubscribing takes a click on the page, so
 * that mail scanners fetching the link do not unsubscribe anyone; it holds at once.
 */
@Route(value = NewsletterService.UNSUBSCRIBE_PATH, autoLayout = false)
@AnonymousAllowed
class UnsubscribeView extends nl.tafel.shared.ui.LinkPage implements BeforeEnterObserver, HasDynamicTitle {

    private final Unsubscriptions unsubscriptions;

    UnsubscribeView(Unsubscriptions unsubscriptions) {
        super("unsubscribe-card", "tafel-narrow");
        this.unsubscriptions = unsubscriptions;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        card.removeAll();
        card.add(new H1(getTranslation("notifications.newsletter.unsubscribe")),
                new Paragraph(getTranslation("notifications.newsletter.unsubscribeAsk")));
        Button confirm = new Button(getTranslation("notifications.newsletter.unsubscribe"), e -> {
            if (unsubscriptions.unsubscribe(token)) {
                card.removeAll();
                card.add(new H1(getTranslation("notifications.newsletter.unsubscribe")),
                        message(getTranslation("notifications.newsletter.unsubscribed"), "tafel-badge-success"));
            } else {
                refused("notifications.newsletter.unsubscribe", "notifications.newsletter.badLink");
            }
        });
        confirm.setId("unsubscribe-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(confirm);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.newsletter.unsubscribe") + " · " + getTranslation("app.name");
    }
}
