package nl.tafel.notifications;

/** A person's mail delivery for one kind; {@code chosen} is false while the default holds. */
public record Preference(NotificationKind kind, Delivery delivery, boolean chosen) {
}
