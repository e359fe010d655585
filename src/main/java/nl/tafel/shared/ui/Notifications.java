package nl.tafel.shared.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The few kinds of toast Tafel shows. */
public final class Notifications {

    private Notifications() {
    }

    public static Notification success(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }

    public static Notification error(String text) {
        Notification n = new Notification(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
        return n;
    }

    /** Something to heed that did not stop the action (such as an online meeting without a link yet). */
    public static Notification warning(String text) {
        Notification n = new Notification(text, 10000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        n.open();
        return n;
    }
}
