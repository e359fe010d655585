package nl.tafel.notifications;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.tafel.notifications.internal.NotificationStore;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's own notifications and mail preferences. There is no way to ask for someone else's: every
 * method works on the current person only.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class NotificationService {

    /** How many notifications the bell lists. */
    public static final int SHOWN = 50;

    private final NotificationStore store;
    private final Clock clock;

    NotificationService(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The latest notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> mine() {
        return store.list(me(), clock.instant(), SHOWN);
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        return store.unread(me(), clock.instant());
    }

    /** Marks one of my notifications read; someone else's is refused as if it did not exist. */
    @Transactional
    public void markRead(long id) {
        if (!store.markRead(me(), id, clock.instant())) {
            throw new TafelException("notifications.error.gone");
        }
    }

    @Transactional
    public void markAllRead() {
        store.markAllRead(me(), clock.instant());
    }

    /** My mail delivery for every kind, in the order of the kinds. */
    @Transactional(readOnly = true)
    public List<Preference> preferences() {
        Map<NotificationKind, Delivery> chosen = store.chosen(me());
        return Arrays.stream(NotificationKind.values()).map(k -> chosen.containsKey(k)
                ? new Preference(k, chosen.get(k), true) : new Preference(k, k.defaultDelivery(), false)).toList();
    }

    @Transactional
    public void choose(NotificationKind kind, Delivery delivery) {
        store.choose(me(), kind, delivery);
    }

    private static PersonId me() {
        PersonId me = CurrentUser.requirePersonId();
        if (me.value() <= CurrentUser.SYSTEM.value()) {
            throw new TafelException("notifications.error.gone");
        }
        return me;
    }
}
