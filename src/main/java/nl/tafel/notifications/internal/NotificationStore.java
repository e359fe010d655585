package nl.tafel.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.tafel.notifications.Delivery;
import nl.tafel.notifications.Notification;
import nl.tafel.notifications.NotificationKind;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The notification tables. Callers decide who is asking; every query here is for one person. */
@Component
public class NotificationStore {

    /** The effective delivery of a row: the person's choice, else the kind's default. */
    static final String DELIVERY;

    static {
        StringBuilder d = new StringBuilder("coalesce(p.delivery, case n.kind");
        for (NotificationKind k : NotificationKind.values()) {
            d.append(" when '").append(k.name()).append("' then '").append(k.defaultDelivery().name()).append('\'');
        }
        DELIVERY = d.append(" end)").toString();
    }

    static final String FROM = " from notification n left join notification_preference p"
            + " on p.person_id = n.person_id and p.kind = n.kind ";

    private final JdbcTemplate jdbc;

    NotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a notification for each person (the system and the SharePoint sync excluded). A person who already has one
     * from the same source gets nothing new, so a redelivered event is harmless. Returns whom it was added for.
     */
    public List<PersonId> add(Collection<PersonId> people, NotificationKind kind, String subject, String link,
            String sourceKey, Instant visibleFrom, Instant now) {
        Set<PersonId> added = new LinkedHashSet<>();
        String shortSubject = subject.length() > 500 ? subject.substring(0, 499) + "…" : subject;
        for (PersonId person : new LinkedHashSet<>(people)) {
            if (person.value() <= CurrentUser.SYSTEM.value()) {
                continue;
            }
            int rows = jdbc.update("""
                    insert ignore into notification (person_id, kind, subject, link, source_key, created_at,
                        visible_from) values (?, ?, ?, ?, ?, ?, ?)""", person.value(), kind.name(), shortSubject,
                    link, sourceKey, Timestamp.from(now), Timestamp.from(visibleFrom));
            if (rows > 0) {
                added.add(person);
            }
        }
        return List.copyOf(added);
    }

    public List<Notification> list(PersonId person, Instant now, int limit) {
        return jdbc.query("""
                select id, kind, subject, link, visible_from, read_at from notification
                where person_id = ? and visible_from <= ? order by visible_from desc, id desc limit ?""",
                (rs, i) -> new Notification(rs.getLong(1), NotificationKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) != null),
                person.value(), Timestamp.from(now), limit);
    }

    public int unread(PersonId person, Instant now) {
        Integer n = jdbc.queryForObject("select count(*) from notification where person_id = ? and visible_from <= ?"
                + " and read_at is null", Integer.class, person.value(), Timestamp.from(now));
        return n == null ? 0 : n;
    }

    /** Marks one of the person's own notifications read; false when it is not theirs (or not there). */
    public boolean markRead(PersonId person, long id, Instant now) {
        return jdbc.update("update notification set read_at = coalesce(read_at, ?) where id = ? and person_id = ?",
                Timestamp.from(now), id, person.value()) > 0;
    }

    public void markAllRead(PersonId person, Instant now) {
        jdbc.update("update notification set read_at = ? where person_id = ? and read_at is null"
                + " and visible_from <= ?", Timestamp.from(now), person.value(), Timestamp.from(now));
    }

    public Map<NotificationKind, Delivery> chosen(PersonId person) {
        Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
        jdbc.query("select kind, delivery from notification_preference where person_id = ?", rs -> {
            chosen.put(NotificationKind.valueOf(rs.getString(1)), Delivery.valueOf(rs.getString(2)));
        }, person.value());
        return chosen;
    }

    public void choose(PersonId person, NotificationKind kind, Delivery delivery) {
        jdbc.update("""
                insert into notification_preference (person_id, kind, delivery) values (?, ?, ?)
                on duplicate key update delivery = values(delivery)""", person.value(), kind.name(),
                delivery.name());
    }

    /** One row that is due to be mailed, locked by the caller's transaction. */
    public record Due(long id, long personId, NotificationKind kind, String subject, String link, Instant at) {
    }

    /** People with notifications not yet mailed, visible before {@code before}, whose delivery for them is that. */
    public List<Long> peopleWithUnmailed(Delivery delivery, Instant before) {
        return jdbc.queryForList("select distinct n.person_id" + FROM + "where n.mailed_at is null"
                + " and n.visible_from < ? and " + DELIVERY + " = ?" + excludeInvitations(delivery), Long.class,
                Timestamp.from(before), delivery.name());
    }

    /** The person's unmailed notifications for that delivery, locked until the caller's transaction ends. */
    public List<Due> lockUnmailed(long person, Delivery delivery, Instant before) {
        return jdbc.query("select n.id, n.person_id, n.kind, n.subject, n.link, n.visible_from" + FROM
                + "where n.person_id = ? and n.mailed_at is null and n.visible_from < ? and " + DELIVERY + " = ?"
                + excludeInvitations(delivery) + " order by n.visible_from, n.id for update",
                (rs, i) -> new Due(rs.getLong(1), rs.getLong(2), NotificationKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()),
                person, Timestamp.from(before), delivery.name());
    }

    /**
     * Invitations and change notices "at once" are their own mails (the invitation with its calendar part, the change
     * notice with what changed): never a second one from here.
     */
    private static String excludeInvitations(Delivery delivery) {
        return delivery == Delivery.IMMEDIATE ? " and n.kind not in ('" + NotificationKind.INVITATION.name() + "', '"
                + NotificationKind.AGENDA_CHANGED.name() + "')" : "";
    }

    public void mailed(Collection<Long> ids, long mailId, Instant now) {
        for (long id : ids) {
            jdbc.update("update notification set mailed_at = ?, mail_id = ? where id = ? and mailed_at is null",
                    Timestamp.from(now), mailId, id);
        }
    }
}
