package nl.tafel.notifications.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import nl.tafel.notifications.NotificationService;
import nl.tafel.shared.ui.NavbarItem;

/** The bell in the top bar: the number of unread notifications; it opens the notifications page. */
@org.springframework.stereotype.Component
class NotificationBell implements NavbarItem {

    private final NotificationService notifications;

    NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        return new Bell(notifications);
    }

    /** The button itself; it counts again after every navigation and when notifications were read. */
    static class Bell extends Button {

        private final NotificationService notifications;
        private final Span badge = new Span();
        private final List<Registration> registrations = new ArrayList<>();

        Bell(NotificationService notifications) {
            this.notifications = notifications;
            setId("notification-bell");
            addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            setIcon(VaadinIcon.BELL.create());
            badge.setId("notification-count");
            badge.getElement().getThemeList().add("badge error small pill primary");
            badge.getStyle().set("margin-inline-start", "-0.6em").set("align-self", "flex-start");
            setSuffixComponent(badge);
            getStyle().set("margin-inline-start", "auto").set("margin-inline-end", "var(--lumo-space-m)");
            addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
            refresh();
        }

        @Override
        protected void onAttach(AttachEvent event) {
            super.onAttach(event);
            registrations.add(event.getUI().addAfterNavigationListener(e -> refresh()));
            registrations.add(ComponentUtil.addListener(event.getUI(), UnreadChanged.class, e -> refresh()));
        }

        @Override
        protected void onDetach(DetachEvent event) {
            registrations.forEach(Registration::remove);
            registrations.clear();
            super.onDetach(event);
        }

        void refresh() {
            int unread = notifications.unreadCount();
            badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
            badge.setVisible(unread > 0);
            String label = unread == 0 ? getTranslation("notifications.bell.none")
                    : getTranslation("notifications.bell.unread", unread);
            setAriaLabel(label);
            setTooltipText(label);
        }

        int shown() {
            return badge.isVisible() ? Integer.parseInt(badge.getText().replace("+", "")) : 0;
        }
    }
}
