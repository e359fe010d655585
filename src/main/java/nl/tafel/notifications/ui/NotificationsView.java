package nl.tafel.notifications.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import nl.tafel.notifications.Delivery;
import nl.tafel.notifications.Notification;
import nl.tafel.notifications.NotificationService;
import nl.tafel.notifications.Preference;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;

/** My notifications (newest first, unread ones marked) and how I get each kind by e-mail. Opened from the bell. */
@Route("meldingen")
@PermitAll
class NotificationsView extends VerticalLayout implements HasDynamicTitle, MainLayout.HasViewTitle {

    private final NotificationService notifications;
    private final Div list = new Div();

    NotificationsView(NotificationService notifications, nl.tafel.notifications.NewsletterService newsletters) {
        this.notifications = notifications;
        addClassName("tafel-view");
        setPadding(false);
        Button markAll = new Button(getTranslation("notifications.markAllRead"), e -> {
            notifications.markAllRead();
            changed();
        });
        markAll.setId("notifications-mark-all");
        Button compose = new Button(getTranslation("notifications.newsletter.compose"),
                e -> UI.getCurrent().navigate(NewsletterView.class));
        compose.setId("notifications-newsletter");
        compose.setVisible(newsletters.maySendToEveryone() || !newsletters.spacesToSendTo().isEmpty());
        add(new ViewHeader(getTranslation("notifications.title"), getTranslation("notifications.intro"), markAll,
                compose));
        list.setId("notifications-list");
        list.setWidthFull();
        add(list);
        add(new H2(getTranslation("notifications.mail.title")),
                new Paragraph(getTranslation("notifications.mail.intro")));
        Div prefs = new Div();
        prefs.addClassName("tafel-actions");
        for (Preference p : notifications.preferences()) {
            Select<Delivery> select = new Select<>();
            select.setId("notifications-pref-" + p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            select.setLabel(getTranslation(p.kind().translationKey()));
            select.setItems(Delivery.values());
            select.setItemLabelGenerator(d -> getTranslation(d.translationKey()));
            select.setValue(p.delivery());
            select.addValueChangeListener(e -> {
                notifications.choose(p.kind(), e.getValue());
                Notifications.success(getTranslation("notifications.mail.saved"));
            });
            prefs.add(select);
        }
        add(prefs);
        show();
    }

    private void changed() {
        show();
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new UnreadChanged(ui));
    }

    private void show() {
        list.removeAll();
        List<Notification> mine = notifications.mine();
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("notifications.none"));
            none.setId("notifications-none");
            list.add(none);
            return;
        }
        Locale locale = getLocale();
        for (Notification n : mine) {
            Button item = new Button(getTranslation(n.kind().itemKey(), n.subject()), e -> {
                if (!n.read()) {
                    notifications.markRead(n.id());
                }
                UI.getCurrent().navigate(n.link());
            });
            item.setId("notification-" + n.id());
            item.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Span when = new Span(Formats.dateTime(n.at(), locale)
                    + (n.read() ? "" : " · " + getTranslation("notifications.unread")));
            when.addClassName("tafel-notification-when");
            Div row = new Div(item, when);
            row.addClassNames("tafel-notification", n.read() ? "tafel-notification-read" : "tafel-notification-unread");
            list.add(row);
        }
    }

    @Override
    public String viewTitle() {
        return getTranslation("notifications.title");
    }

    @Override
    public String getPageTitle() {
        return viewTitle() + " · " + getTranslation("app.name");
    }
}
