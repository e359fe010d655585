package nl.tafel.actions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up actions. They are agreed in a meeting (by whoever writes its minutes), numbered per year, and stay on the
 * space's action list until done or dropped. Members of the space see them; the space's managers, secretaries and
 * the action's owners change their status and add progress notes.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class ActionService {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** A new action and what its maker is told but not stopped by (a due date in the past). */
    public record Created(ActionView action, List<String> warnings) {
    }

    private final JdbcTemplate jdbc;
    private final MeetingService meetings;
    private final SpaceService spaces;
    private final PeopleDirectory people;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    ActionService(JdbcTemplate jdbc, MeetingService meetings, SpaceService spaces, PeopleDirectory people,
            Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.spaces = spaces;
        this.people = people;
        this.clock = clock;
    }

    /** Agrees an action in a meeting, under an agenda item. Only those who write the minutes may. */
    @Transactional
    public Created create(MeetingId meetingId, AgendaItemId itemId, ActionDraft draft) {
        MeetingDetails meeting = meetings.get(meetingId);
        requireMinuteWriter(meeting);
        Checked checked = check(draft);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int year = now.atZone(ZONE).getYear();
        Integer last = jdbc.queryForObject("select coalesce(max(seq), 0) from action_item where year = ? for update",
                Integer.class, year);
        int seq = (last == null ? 0 : last) + 1;
        String number = String.format("A-%d-%03d", year, seq);
        jdbc.update("""
                insert into action_item (id, number, year, seq, space_id, meeting_id, item_id, description, due_date,
                    status, agreed_at, created_at, created_by, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, 0)""",
                id, number, year, seq, meeting.spaceId().value(), meetingId.value(), itemId.value(),
                checked.description, checked.due == null ? null : java.sql.Date.valueOf(checked.due),
                Timestamp.from(meeting.startsAt()), Timestamp.from(now), CurrentUser.requirePersonId().value());
        writeOwners(id, checked.owners);
        ActionView created = load(List.of(id)).getFirst();
        assigned(created, List.of());
        return new Created(created, checked.warnings);
    }

    /** Changes the description, owners or due date. */
    @Transactional
    public List<String> update(ActionId id, ActionDraft draft, long version) {
        ActionView current = one(id);
        requireEditor(current);
        Checked checked = check(draft);
        int updated = jdbc.update("""
                update action_item set description = ?, due_date = ?, version = version + 1
                where id = ? and version = ?""", checked.description,
                checked.due == null ? null : java.sql.Date.valueOf(checked.due), id.value(), version);
        if (updated == 0) {
            throw new ConcurrentEditException();
        }
        jdbc.update("delete from action_owner where action_id = ?", id.value());
        writeOwners(id.value(), checked.owners);
        assigned(load(List.of(id.value())).getFirst(), current.owners());
        return checked.warnings;
    }

    /**
     * Sets the status. {@code closedIn} is the meeting whose minutes close it (marked done in that meeting); null
     * when it changes outside a meeting.
     */
    @Transactional
    public void setStatus(ActionId id, ActionStatus status, long version, @Nullable MeetingId closedIn) {
        ActionView current = one(id);
        requireEditor(current);
        if (closedIn != null) {
            requireMinuteWriter(meetings.get(closedIn));
        }
        int updated = jdbc.update("""
                update action_item set status = ?, closed_in = ?, version = version + 1
                where id = ? and version = ?""", status.name(),
                status.closed() && closedIn != null ? closedIn.value() : null, id.value(), version);
        if (updated == 0) {
            throw new ConcurrentEditException();
        }
    }

    /** Adds a dated progress note. */
    @Transactional
    public void addNote(ActionId id, String text) {
        ActionView current = one(id);
        requireEditor(current);
        String body = Texts.plainText("note", text, 2000);
        if (body == null) {
            throw new FieldException("note", "validation.required");
        }
        jdbc.update("insert into action_note (action_id, written_at, written_by, body) values (?, ?, ?, ?)",
                id.value(), Timestamp.from(clock.instant()), CurrentUser.requirePersonId().value(), body);
    }

    @Transactional(readOnly = true)
    public ActionView get(ActionId id) {
        return one(id);
    }

    /** The space's action list: open ones first by due date; closed ones too when asked. */
    @Transactional(readOnly = true)
    public List<ActionView> forSpace(SpaceId space, boolean includeClosed) {
        spaces.get(space);
        List<UUID> ids = jdbc.queryForList("select id from action_item where space_id = ?"
                + (includeClosed ? "" : " and status in ('OPEN', 'IN_PROGRESS')")
                + " order by status in ('DONE', 'DROPPED'), due_date is null, due_date, year, seq", UUID.class,
                space.value());
        return load(ids);
    }

    /** The signed-in person's open actions across all their spaces. */
    @Transactional(readOnly = true)
    public List<ActionView> mine() {
        Set<UUID> visible = spaces.mySpaces().stream().map(s -> s.id().value()).collect(Collectors.toSet());
        List<UUID> ids = jdbc.queryForList("""
                select a.id from action_item a join action_owner o on o.action_id = a.id
                where o.person_id = ? and a.status in ('OPEN', 'IN_PROGRESS')
                order by a.due_date is null, a.due_date, a.year, a.seq""", UUID.class,
                CurrentUser.requirePersonId().value()).stream().distinct().toList();
        return load(ids).stream().filter(a -> visible.contains(a.spaceId().value())).toList();
    }

    /**
     * What the "Actielijst" item of a meeting lists: the space's actions agreed in earlier meetings that are still
     * open, or that this meeting closed.
     */
    @Transactional(readOnly = true)
    public List<ActionView> carriedInto(MeetingId meetingId) {
        MeetingDetails meeting = meetings.get(meetingId);
        List<UUID> ids = jdbc.queryForList("""
                select id from action_item
                where space_id = ? and (meeting_id is null or meeting_id <> ?) and agreed_at < ?
                  and (status in ('OPEN', 'IN_PROGRESS') or closed_in = ?)
                order by year, seq""", UUID.class, meeting.spaceId().value(), meetingId.value(),
                Timestamp.from(meeting.startsAt()), meetingId.value());
        return load(ids);
    }

    /** The actions agreed in a meeting, in order. */
    @Transactional(readOnly = true)
    public List<ActionView> agreedIn(MeetingId meetingId) {
        meetings.get(meetingId);
        return load(jdbc.queryForList("select id from action_item where meeting_id = ? order by year, seq",
                UUID.class, meetingId.value()));
    }

    /** Whether the signed-in person may change this action (status, notes, details). */
    @Transactional(readOnly = true)
    public boolean canEdit(ActionView action) {
        PersonId me = CurrentUser.requirePersonId();
        if (action.owners().stream().anyMatch(o -> me.equals(o.personId()))) {
            return true;
        }
        SpaceDetails space = spaces.get(action.spaceId());
        return space.myRole().includes(SpaceRole.MANAGER)
                || CurrentUser.hasAnyRole("SECRETARY", "ADMINISTRATOR");
    }

    private void requireEditor(ActionView action) {
        if (!canEdit(action)) {
            throw new AccessDeniedException("Not an editor of action " + action.number());
        }
    }

    private static void requireMinuteWriter(MeetingDetails meeting) {
        if (!meeting.canWriteMinutes()) {
            throw new AccessDeniedException("Not a minute writer of meeting " + meeting.id());
        }
    }

    private record Checked(String description, List<ActionOwner> owners, @Nullable LocalDate due,
            List<String> warnings) {
    }

    private Checked check(ActionDraft draft) {
        String description = Texts.plainText("description", draft.description(), 1000);
        if (description == null) {
            throw new FieldException("description", "validation.required");
        }
        List<ActionOwner> owners = new ArrayList<>();
        for (ActionOwner owner : draft.owners()) {
            if (owner.personId() != null) {
                PersonName person = people.find(owner.personId())
                        .orElseThrow(() -> new FieldException("owners", "actions.error.unknownOwner"));
                owners.add(new ActionOwner(person.id(), person.fullName()));
            } else {
                String name = Texts.plainText("owners", owner.name(), 200);
                if (name != null) {
                    owners.add(new ActionOwner(null, name));
                }
            }
        }
        if (owners.isEmpty()) {
            throw new FieldException("owners", "actions.error.noOwner");
        }
        List<String> warnings = new ArrayList<>();
        if (draft.due() != null && draft.due().isBefore(LocalDate.now(clock.withZone(ZONE)))) {
            warnings.add("actions.warning.dueInPast");
        }
        return new Checked(description, owners.stream().distinct().toList(), draft.due(), warnings);
    }

    /** Tells who became an owner (people with an account, not those who were owners before). */
    private void assigned(ActionView action, List<ActionOwner> before) {
        java.util.Set<PersonId> had = new java.util.HashSet<>();
        before.forEach(o -> {
            if (o.personId() != null) {
                had.add(o.personId());
            }
        });
        List<PersonId> added = action.owners().stream().map(ActionOwner::personId)
                .filter(java.util.Objects::nonNull).filter(p -> !had.contains(p)).distinct().toList();
        if (!added.isEmpty()) {
            events.publishEvent(new ActionAssigned(action.id(), action.number(), action.spaceId(),
                    action.description(), added, CurrentUser.requirePersonId()));
        }
    }

    private void writeOwners(UUID id, List<ActionOwner> owners) {
        for (int i = 0; i < owners.size(); i++) {
            ActionOwner o = owners.get(i);
            jdbc.update("insert into action_owner (action_id, position, person_id, name) values (?, ?, ?, ?)", id,
                    i, o.personId() == null ? null : o.personId().value(), o.name());
        }
    }

    private ActionView one(ActionId id) {
        List<ActionView> found = load(List.of(id.value()));
        if (found.isEmpty()) {
            throw new TafelException("actions.error.gone");
        }
        ActionView action = found.getFirst();
        spaces.get(action.spaceId());
        return action;
    }

    private List<ActionView> load(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        Object[] args = ids.toArray();
        Map<UUID, List<ActionOwner>> owners = new HashMap<>();
        jdbc.query("select action_id, person_id, name from action_owner where action_id in (" + in
                + ") order by position", rs -> {
                    long person = rs.getLong(2);
                    owners.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ActionOwner(rs.wasNull() ? null : new PersonId(person), rs.getString(3)));
                }, args);
        record RawNote(UUID action, Instant at, @Nullable Long by, String text) {
        }
        List<RawNote> raw = jdbc.query("select action_id, written_at, written_by, body from action_note"
                + " where action_id in (" + in + ") order by written_at, id", (rs, n) -> new RawNote(
                        rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getObject(3, Long.class),
                        rs.getString(4)), args);
        Map<PersonId, PersonName> writers = people.names(raw.stream().map(RawNote::by).filter(Objects::nonNull)
                .map(PersonId::new).collect(Collectors.toSet()));
        Map<UUID, List<ActionView.Note>> notes = new HashMap<>();
        raw.forEach(r -> {
            PersonName writer = r.by() == null ? null : writers.get(new PersonId(r.by()));
            notes.computeIfAbsent(r.action(), k -> new ArrayList<>()).add(new ActionView.Note(r.at(),
                    writer == null ? "?" : writer.fullName(), r.text()));
        });
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        Map<UUID, ActionView> byId = new LinkedHashMap<>();
        jdbc.query("""
                select id, number, space_id, meeting_id, item_id, description, due_date, status, closed_in,
                    created_at, version from action_item where id in (""" + in + ")", rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID meeting = rs.getObject(4, UUID.class);
                    UUID item = rs.getObject(5, UUID.class);
                    java.sql.Date due = rs.getDate(7);
                    ActionStatus status = ActionStatus.valueOf(rs.getString(8));
                    UUID closedIn = rs.getObject(9, UUID.class);
                    LocalDate dueDate = due == null ? null : due.toLocalDate();
                    byId.put(id, new ActionView(new ActionId(id), rs.getString(2),
                            new SpaceId(rs.getObject(3, UUID.class)), meeting == null ? null : new MeetingId(meeting),
                            item == null ? null : new AgendaItemId(item), rs.getString(6),
                            owners.getOrDefault(id, List.of()), dueDate, status,
                            !status.closed() && dueDate != null && dueDate.isBefore(today),
                            closedIn == null ? null : new MeetingId(closedIn), rs.getTimestamp(10).toInstant(),
                            rs.getLong(11), notes.getOrDefault(id, List.of())));
                }, args);
        List<ActionView> ordered = new ArrayList<>();
        for (UUID id : ids) {
            ActionView v = byId.get(id);
            if (v != null) {
                ordered.add(v);
            }
        }
        return ordered;
    }

}
