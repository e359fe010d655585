package nl.tafel.notifications;

/** What a notification is about, with the mail delivery that holds until a person chooses otherwise. */
public enum NotificationKind {
    NEWS_POSTED("newsPosted", Delivery.WEEKLY),
    DOCUMENT_STORED("documentStored", Delivery.WEEKLY),
    AGENDA_PUBLISHED("agendaPublished", Delivery.WEEKLY),
    INVITATION("invitation", Delivery.IMMEDIATE),
    ACTION_ASSIGNED("actionAssigned", Delivery.IMMEDIATE),
    MINUTES_CIRCULATED("minutesCirculated", Delivery.WEEKLY),
    /** A published meeting changed (time, place, items, papers); "at once" is the change notice mail itself. */
    AGENDA_CHANGED("agendaChanged", Delivery.IMMEDIATE),
    /** One summary per space per SharePoint sync round, instead of one per document that came down. */
    DOCUMENTS_SYNCED("documentsSynced", Delivery.WEEKLY);

    private final String key;
    private final Delivery defaultDelivery;

    NotificationKind(String key, Delivery defaultDelivery) {
        this.key = key;
        this.defaultDelivery = defaultDelivery;
    }

    public Delivery defaultDelivery() {
        return defaultDelivery;
    }

    /** The name of the kind, as in the preferences. */
    public String translationKey() {
        return "notifications.kind." + key;
    }

    /** The line under the bell and in mails, with the subject (a title, a name) as {0}. */
    public String itemKey() {
        return "notifications.item." + key;
    }
}
