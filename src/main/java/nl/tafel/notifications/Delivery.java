package nl.tafel.notifications;

import java.util.Locale;

/** How a person gets one kind of notification by mail. Every kind always shows under the bell. */
public enum Delivery {
    IMMEDIATE, DAILY, WEEKLY, OFF;

    public String translationKey() {
        return "notifications.delivery." + name().toLowerCase(Locale.ROOT);
    }
}
