package nl.tafel.minutes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.tafel.actions.ActionService;
import nl.tafel.invitations.InvitationService;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.shared.text.Markdown;
import nl.tafel.minutes.internal.MinutesPdf;
import nl.tafel.spaces.DocumentNames;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minutes of a meeting. Its planners and its minute taker write them once the meeting is published; every item
 * has its own text and version, so a stale save is refused with the other person's text to merge. Members of the
 * space read them once they are sent round; after approval ("vastgesteld") they are locked.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class MinutesService {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final int MAX_TEXT = 100_000;

    private final JdbcTemplate jdbc;
    private final MeetingService meetings;
    private final AgendaService agenda;
    private final SpaceService spaces;
    private final PeopleDirectory people;
    private final InvitationService invitations;
    private final ActionService actions;
    private final nl.tafel.spaces.DocumentService documents;
    private final nl.tafel.shared.i18n.TafelI18NProvider i18n;
    private final nl.tafel.minutes.internal.MinutesUpdates updates;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    MinutesService(JdbcTemplate jdbc, MeetingService meetings, AgendaService agenda, SpaceService spaces,
            PeopleDirectory people, InvitationService invitations, ActionService actions,
            nl.tafel.spaces.DocumentService documents, nl.tafel.shared.i18n.TafelI18NProvider i18n,
            nl.tafel.minutes.internal.MinutesUpdates updates, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.updates = updates;
        this.actions = actions;
        this.documents = documents;
        this.i18n = i18n;
        this.invitations = invitations;
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.agenda = agenda;
        this.spaces = spaces;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MinutesDetails get(MeetingId id) {
        MeetingDetails meeting = meetings.get(id);
        boolean writer = meeting.canWriteMinutes();
        MinutesStatus status = status(id);
        if (status == MinutesStatus.CONCEPT && !writer) {
            throw new AccessDeniedException("Concept minutes of " + id);
        }
        record Text(String body, long version, Instant at, long by) {
        }
        Map<UUID, Text> texts = new HashMap<>();
        jdbc.query("select item_id, body, version, updated_at, updated_by from minutes_item where meeting_id = ?",
                rs -> {
                    texts.put(rs.getObject(1, UUID.class), new Text(rs.getString(2), rs.getLong(3),
                            rs.getTimestamp(4).toInstant(), rs.getLong(5)));
                }, id.value());
        Map<PersonId, PersonName> names = people.names(texts.values().stream().map(t -> new PersonId(t.by()))
                .collect(Collectors.toSet()));
        Map<UUID, List<Decision>> decisions = decisionsOf(meeting).stream()
                .collect(Collectors.groupingBy(d -> d.itemId().value()));
        Map<UUID, List<Comment>> comments = comments(id);
        List<MinutesDetails.Item> items = new ArrayList<>();
        for (AgendaItemView item : agenda.agenda(id)) {
            Text text = texts.get(item.id().value());
            PersonName by = text == null ? null : names.get(new PersonId(text.by()));
            String body = text == null ? "" : text.body();
            items.add(new MinutesDetails.Item(item.id(), item.number(), item.title(), item.depth(), body,
                    Markdown.toSafeHtml(body), text == null ? 0 : text.version(), text == null ? null : text.at(),
                    by == null ? null : by.fullName(), decisions.getOrDefault(item.id().value(), List.of()),
                    item.is(nl.tafel.meetings.ItemRole.ACTIONS),
                    item.is(nl.tafel.meetings.ItemRole.PREVIOUS_MINUTES), comments.getOrDefault(item.id().value(), List.of())));
        }
        List<Attendee> attendance = attendees(id);
        Instant approvedAt = jdbc.query("select approved_at from meeting_minutes where meeting_id = ?",
                rs -> rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null, id.value());
        return new MinutesDetails(id, meeting.spaceId(), meeting.title(), meeting.startsAt(), status,
                writer && status != MinutesStatus.APPROVED && writable(meeting), approvedAt, items, attendance,
                status == MinutesStatus.CIRCULATED, status == MinutesStatus.APPROVED && meeting.canEdit(),
                quorum(meeting, attendance));
    }

    /** The series' quorum rule against the members (not guests) on the list; null without a rule. */
    static @Nullable Quorum quorum(MeetingDetails meeting, List<Attendee> attendance) {
        if (meeting.quorum() == null && meeting.quorumPercent() == null) {
            return null;
        }
        List<Attendee> members = attendance.stream().filter(a -> !a.guest()).toList();
        int present = (int) members.stream().filter(a -> a.presence() == Presence.PRESENT).count();
        int unknown = (int) members.stream().filter(a -> a.presence() == Presence.UNKNOWN).count();
        Boolean met = meeting.quorumPercent() == null || members.isEmpty() ? null
                : present * 100 >= meeting.quorumPercent() * members.size();
        return new Quorum(meeting.quorum(), meeting.quorumPercent(), present, members.size(), unknown, met);
    }

    private Map<UUID, List<Comment>> comments(MeetingId id) {
        record Raw(UUID item, long id, long author, String body, Instant at, @Nullable Instant resolved) {
        }
        List<Raw> raw = jdbc.query("select item_id, id, author_id, body, created_at, resolved_at from minutes_comment"
                + " where meeting_id = ? order by created_at, id", (rs, n) -> new Raw(rs.getObject(1, UUID.class),
                        rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()), id.value());
        Map<PersonId, PersonName> names = people.names(raw.stream().map(r -> new PersonId(r.author()))
                .collect(Collectors.toSet()));
        Map<UUID, List<Comment>> result = new HashMap<>();
        raw.forEach(r -> {
            PersonName name = names.get(new PersonId(r.author()));
            result.computeIfAbsent(r.item(), k -> new ArrayList<>()).add(new Comment(r.id(),
                    name == null ? "?" : name.fullName(), r.body(), r.at(), r.resolved()));
        });
        return result;
    }

    /** A member comments on one item of circulated minutes. */
    @Transactional
    public void comment(MeetingId id, AgendaItemId item, String text) {
        meetings.get(id);
        if (status(id) != MinutesStatus.CIRCULATED) {
            throw new TafelException("minutes.error.notCirculated");
        }
        requireItem(id, item);
        String body = Texts.plainText("comment", text, 2000);
        if (body == null) {
            throw new FieldException("comment", "validation.required");
        }
        jdbc.update("insert into minutes_comment (meeting_id, item_id, author_id, body, created_at)"
                + " values (?, ?, ?, ?, ?)", id.value(), item.value(), CurrentUser.requirePersonId().value(), body,
                Timestamp.from(clock.instant()));
    }

    /** The writer marks a comment as processed. */
    @Transactional
    public void resolveComment(MeetingId id, long comment) {
        requireWriter(id);
        jdbc.update("update minutes_comment set resolved_at = ? where id = ? and meeting_id = ?",
                Timestamp.from(clock.instant()), comment, id.value());
    }

    private List<Attendee> attendees(MeetingId id) {
        return jdbc.query("select position, person_id, name, guest, presence, confirmed from minutes_attendance"
                + " where meeting_id = ? order by guest, position", (rs, n) -> {
                    long person = rs.getLong(2);
                    PersonId personId = rs.wasNull() ? null : new PersonId(person);
                    return new Attendee(rs.getInt(1), personId, rs.getString(3), rs.getBoolean(4),
                            Presence.valueOf(rs.getString(5)), rs.getBoolean(6));
                }, id.value());
    }

    /**
     * Starts the attendance list, once, when the minute taker asks for it: from the answers to the invitation when
     * there are any (komt → aanwezig, komt niet → afwezig met kennisgeving, misschien or geen antwoord → onbekend),
     * otherwise from the members of the space (onbekend). Nothing is confirmed yet: the minute taker confirms or
     * corrects each person.
     */
    @Transactional
    public List<Attendee> takeAttendance(MeetingId id) {
        MeetingDetails meeting = requireWriter(id);
        List<Attendee> current = attendees(id);
        if (!current.isEmpty()) {
            return current;
        }
        List<InvitationService.Answered> answers = invitations.answers(id);
        int position = 0;
        if (!answers.isEmpty()) {
            for (InvitationService.Answered a : answers) {
                insertAttendee(id, position++, a.personId(), a.name(), a.guest(), fromAnswer(a.answer()), false);
            }
        } else {
            for (var member : spaces.members(meeting.spaceId())) {
                insertAttendee(id, position++, member.personId(), member.name(), false, Presence.UNKNOWN, false);
            }
        }
        return attendees(id);
    }

    /** What an invitation answer suggests: only "komt" and "komt niet" say something certain. */
    static Presence fromAnswer(nl.tafel.invitations.Answer answer) {
        return switch (answer) {
            case ACCEPTED -> Presence.PRESENT;
            case DECLINED -> Presence.ABSENT_WITH_NOTICE;
            case TENTATIVE, NEEDS_ACTION -> Presence.UNKNOWN;
        };
    }

    /** The minute taker sets (and thereby confirms) one person's presence. */
    @Transactional
    public void setPresence(MeetingId id, int position, Presence presence) {
        requireWriter(id);
        jdbc.update("update minutes_attendance set presence = ?, confirmed = true where meeting_id = ?"
                + " and position = ?", presence.name(), id.value(), position);
    }

    /** The minute taker confirms the presence the answer suggested. */
    @Transactional
    public void confirmPresence(MeetingId id, int position) {
        requireWriter(id);
        jdbc.update("update minutes_attendance set confirmed = true where meeting_id = ? and position = ?",
                id.value(), position);
    }

    /** Adds a guest who was there without an invitation. */
    @Transactional
    public void addGuest(MeetingId id, String name) {
        requireWriter(id);
        String guest = Texts.name("guest", name, 200);
        Integer last = jdbc.queryForObject("select coalesce(max(position), -1) from minutes_attendance"
                + " where meeting_id = ?", Integer.class, id.value());
        insertAttendee(id, (last == null ? -1 : last) + 1, null, guest, true, Presence.PRESENT, true);
    }

    @Transactional
    public void removeAttendee(MeetingId id, int position) {
        requireWriter(id);
        jdbc.update("delete from minutes_attendance where meeting_id = ? and position = ?", id.value(), position);
    }

    private void insertAttendee(MeetingId id, int position, @Nullable PersonId person, String name, boolean guest,
            Presence presence, boolean confirmed) {
        jdbc.update("insert into minutes_attendance (meeting_id, position, person_id, name, presence, guest,"
                + " confirmed) values (?, ?, ?, ?, ?, ?, ?)", id.value(), position, person == null ? null
                        : person.value(), name, presence.name(), guest, confirmed);
    }

    /**
     * Saves one item's text against the version the writer started from; returns the new version. A stale version
     * is refused with the text now stored, so nothing is overwritten without the writer seeing it.
     */
    @Transactional
    public long saveText(MeetingId id, AgendaItemId item, String text, long version) {
        MeetingDetails meeting = requireWriter(id);
        requireItem(id, item);
        if (text.length() > MAX_TEXT) {
            throw new FieldException("text", "minutes.error.tooLong", MAX_TEXT);
        }
        ensureMinutes(meeting);
        Timestamp now = Timestamp.from(clock.instant());
        long me = CurrentUser.requirePersonId().value();
        int updated;
        if (version == 0) {
            updated = jdbc.update("""
                    insert ignore into minutes_item (meeting_id, item_id, body, updated_at, updated_by, version)
                    values (?, ?, ?, ?, ?, 1)""", id.value(), item.value(), text, now, me);
        } else {
            updated = jdbc.update("""
                    update minutes_item set body = ?, updated_at = ?, updated_by = ?, version = version + 1
                    where meeting_id = ? and item_id = ? and version = ?""", text, now, me, id.value(),
                    item.value(), version);
        }
        if (updated == 0) {
            record Theirs(String body, long version, long by) {
            }
            List<Theirs> theirs = jdbc.query("select body, version, updated_by from minutes_item"
                    + " where meeting_id = ? and item_id = ? for update", (rs, n) -> new Theirs(rs.getString(1),
                            rs.getLong(2), rs.getLong(3)), id.value(), item.value());
            Theirs t = theirs.isEmpty() ? new Theirs("", 0, 0) : theirs.getFirst();
            String name = people.find(new PersonId(t.by())).map(PersonName::fullName).orElse("?");
            throw new MinutesConflict(t.body(), t.version(), name);
        }
        updates.afterCommit(new MinutesTextSaved(id, item, version + 1, text, Markdown.toSafeHtml(text),
                CurrentUser.require().displayName()));
        return version + 1;
    }

    /** Records a decision under an item; numbered B-year-nnn across the association. */
    @Transactional
    public Decision addDecision(MeetingId id, AgendaItemId item, String text) {
        MeetingDetails meeting = requireWriter(id);
        requireItem(id, item);
        String body = Texts.plainText("decision", text, 4000);
        if (body == null) {
            throw new FieldException("decision", "minutes.error.emptyDecision");
        }
        ensureMinutes(meeting);
        Instant now = clock.instant();
        int year = now.atZone(ZONE).getYear();
        Integer last = jdbc.queryForObject("select coalesce(max(seq), 0) from decision where year = ? for update",
                Integer.class, year);
        int seq = (last == null ? 0 : last) + 1;
        UUID decisionId = UUID.randomUUID();
        String number = String.format("B-%d-%03d", year, seq);
        jdbc.update("""
                insert into decision (id, number, year, seq, space_id, meeting_id, item_id, body, created_at,
                    created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", decisionId, number, year, seq,
                meeting.spaceId().value(), id.value(), item.value(), body, Timestamp.from(now),
                CurrentUser.requirePersonId().value());
        return new Decision(decisionId, number, meeting.spaceId(), id, item, meeting.title(), meeting.startsAt(),
                body);
    }

    /** Takes back a decision recorded by mistake, while the minutes are not yet approved. */
    @Transactional
    public void removeDecision(MeetingId id, UUID decision) {
        requireWriter(id);
        jdbc.update("delete from decision where id = ? and meeting_id = ?", decision, id.value());
    }

    /** Sends the concept round to the members for comments: they can read it from now on. */
    @Transactional
    public void circulate(MeetingId id) {
        MeetingDetails meeting = requireWriter(id);
        ensureMinutes(meeting);
        if (status(id) != MinutesStatus.CONCEPT) {
            throw new TafelException("minutes.error.notConcept");
        }
        jdbc.update("update meeting_minutes set status = 'CIRCULATED', circulated_at = ?, version = version + 1"
                + " where meeting_id = ?", Timestamp.from(clock.instant()), id.value());
        events.publishEvent(new MinutesCirculated(id, meeting.spaceId(), meeting.title(),
                CurrentUser.requirePersonId()));
    }

    /**
     * Approves ("vaststellen") the minutes: from now on they are locked, and a PDF of them with their decisions and
     * actions is filed in the meeting's folder of the space (so it goes to SharePoint with the other papers), and the
     * meeting is finished ("afgerond") if it was not yet. Only the meeting's planners approve.
     */
    @Transactional
    public nl.tafel.spaces.StoredDocument approve(MeetingId id) {
        MeetingDetails meeting = requireWriter(id);
        if (!meeting.canEdit()) {
            throw new AccessDeniedException("Only planners approve minutes of " + id);
        }
        ensureMinutes(meeting);
        meetings.finishWithApprovedMinutes(id);
        Instant now = clock.instant();
        jdbc.update("update meeting_minutes set status = 'APPROVED', approved_at = ?, approved_by = ?,"
                + " version = version + 1 where meeting_id = ?", Timestamp.from(now),
                CurrentUser.requirePersonId().value(), id.value());
        MinutesDetails approved = get(id);
        byte[] pdf;
        try {
            pdf = new MinutesPdf().render(pdfBlocks(meeting, approved), meeting.spaceName() + " · "
                    + t("minutes.pdf.approvedOn", day(now)));
        } catch (java.io.IOException e) {
            throw new TafelException("minutes.error.pdf");
        }
        String name = DocumentNames.withoutForbiddenCharacters("Notulen " + java.time.format.DateTimeFormatter
                .ISO_LOCAL_DATE.format(meeting.startsAt().atZone(ZONE)) + " " + meeting.title() + " (vastgesteld)")
                + ".pdf";
        UUID earlier = jdbc.query("select pdf_document from meeting_minutes where meeting_id = ?",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null, id.value());
        nl.tafel.spaces.StoredDocument stored;
        if (earlier != null) {
            // a revision: the same document gets a new version, so the history of approved texts stays together
            stored = documents.uploadVersion(new nl.tafel.spaces.DocumentId(earlier), name,
                    new java.io.ByteArrayInputStream(pdf), pdf.length);
        } else {
            stored = documents.upload(agenda.meetingFolder(id), name, new java.io.ByteArrayInputStream(pdf),
                    pdf.length);
        }
        jdbc.update("update meeting_minutes set pdf_document = ? where meeting_id = ?", stored.documentId().value(),
                id.value());
        return stored;
    }

    /**
     * Opens approved minutes for a correction, as a new revision: they become a concept again (readers keep seeing
     * the approved PDF in the folder) until approved anew, which adds a version to that PDF. Planners only.
     */
    @Transactional
    public void revise(MeetingId id) {
        MeetingDetails meeting = meetings.get(id);
        if (!meeting.canEdit()) {
            throw new AccessDeniedException("Only planners revise minutes of " + id);
        }
        if (status(id) != MinutesStatus.APPROVED) {
            throw new TafelException("minutes.error.notApproved");
        }
        jdbc.update("update meeting_minutes set status = 'CONCEPT', revision = revision + 1, version = version + 1"
                + " where meeting_id = ?", id.value());
    }

    private List<MinutesPdf.Block> pdfBlocks(MeetingDetails meeting, MinutesDetails m) {
        List<MinutesPdf.Block> blocks = new ArrayList<>();
        blocks.add(new MinutesPdf.Block(MinutesPdf.Kind.TITLE, t("minutes.pdf.title", meeting.title(),
                day(meeting.startsAt()))));
        blocks.add(new MinutesPdf.Block(MinutesPdf.Kind.SUBTITLE, meeting.spaceName()
                + (meeting.location() == null ? "" : " · " + meeting.location())));
        blocks.add(new MinutesPdf.Block(MinutesPdf.Kind.HEADING, t("minutes.attendance")));
        for (Presence presence : Presence.values()) {
            List<String> names = m.attendance().stream().filter(a -> !a.guest() && a.presence() == presence)
                    .map(Attendee::name).toList();
            if (!names.isEmpty()) {
                blocks.add(new MinutesPdf.Block(MinutesPdf.Kind.PARAGRAPH, t(presence.translationKey()) + ": "
                        + String.join(", ", names)));
            }
        }
        List<String> guests = m.attendance().stream().filter(Attendee::guest)
                .filter(a -> a.presence() == Presence.PRESENT).map(Attendee::name).toList();
        if (!guests.isEmpty()) {
            blocks.add(new MinutesPdf.Block(MinutesPdf.Kind.PARAGRAPH, t("minutes.guests") + ": "
                    + String.join(", ", guests)));
        }
        List<nl.tafel.actions.ActionView> agreed = actions.agreedIn(meeting.id());
        for (MinutesDetails.Item item : m.items()) {
            blocks.add(new MinutesPdf.Block(MinutesPdf.Kind.HEADING, item.number() + ". " + item.title()));
            blocks.addAll(MinutesPdf.blocks(item.text()));
            if (item.actionList()) {
                for (nl.tafel.actions.ActionView a : actions.carriedInto(meeting.id())) {
                    blocks.add(new MinutesPdf.Block(MinutesPdf.Kind.BULLET, a.number() + " " + a.description()
                            + " — " + a.ownerNames() + " — " + t(a.status().translationKey())));
                }
            }
            for (Decision d : item.decisions()) {
                blocks.add(new MinutesPdf.Block(MinutesPdf.Kind.NOTE, t("minutes.decision", d.number()) + " "
                        + d.text()));
            }
            for (nl.tafel.actions.ActionView a : agreed) {
                if (item.itemId().equals(a.itemId())) {
                    blocks.add(new MinutesPdf.Block(MinutesPdf.Kind.NOTE, t("minutes.action", a.number()) + " "
                            + a.description() + " — " + a.ownerNames() + (a.due() == null ? "" : ", "
                            + t("actions.dueOn", java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy")
                                    .format(a.due())))));
                }
            }
        }
        return blocks;
    }

    private String t(String key, Object... args) {
        return i18n.translate(nl.tafel.shared.i18n.TafelI18NProvider.DUTCH, key, args);
    }

    private static String day(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.of("nl"))
                .format(instant.atZone(ZONE));
    }

    /** The minutes of the previous meeting in the space, which this meeting's "Notulen vorige vergadering" approves. */
    public record Previous(MeetingId meetingId, String title, Instant startsAt, MinutesStatus status) {
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Previous> previous(MeetingId id) {
        MeetingDetails meeting = meetings.get(id);
        return meetings.myMeetings(meeting.startsAt().minus(java.time.Duration.ofDays(400)), meeting.startsAt())
                .stream().filter(m -> m.spaceId().equals(meeting.spaceId()) && !m.id().equals(id))
                .filter(m -> m.status() == MeetingStatus.PUBLISHED || m.status() == MeetingStatus.FINISHED)
                .filter(m -> m.startsAt().isBefore(meeting.startsAt()))
                .max(java.util.Comparator.comparing(nl.tafel.meetings.MeetingSummary::startsAt))
                .map(m -> new Previous(m.id(), m.title(), m.startsAt(), status(m.id())));
    }

    @Transactional(readOnly = true)
    public MinutesStatus status(MeetingId id) {
        List<String> found = jdbc.queryForList("select status from meeting_minutes where meeting_id = ?",
                String.class, id.value());
        return found.isEmpty() ? MinutesStatus.CONCEPT : MinutesStatus.valueOf(found.getFirst());
    }

    /** The space's decision register, newest first; {@code query} filters on the text or the number. */
    @Transactional(readOnly = true)
    public List<Decision> register(SpaceId space, @Nullable String query) {
        spaces.get(space);
        String q = query == null || query.isBlank() ? null : "%" + query.strip().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        List<Object[]> rows = jdbc.query("""
                select d.id, d.number, d.meeting_id, d.item_id, d.body from decision d
                left join meeting_minutes m on m.meeting_id = d.meeting_id
                where d.space_id = ? and coalesce(m.status, 'CONCEPT') <> 'CONCEPT'"""
                + (q == null ? "" : " and (d.body like ? or d.number like ?)") + " order by d.year desc, d.seq desc",
                (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5)},
                q == null ? new Object[] {space.value()} : new Object[] {space.value(), q, q});
        Map<UUID, MeetingDetails> meetingCache = new HashMap<>();
        List<Decision> result = new ArrayList<>();
        for (Object[] r : rows) {
            MeetingDetails m = meetingCache.computeIfAbsent((UUID) r[2], u -> meetings.get(new MeetingId(u)));
            result.add(new Decision((UUID) r[0], (String) r[1], space, m.id(), new AgendaItemId((UUID) r[3]),
                    m.title(), m.startsAt(), (String) r[4]));
        }
        return result;
    }

    private List<Decision> decisionsOf(MeetingDetails meeting) {
        return jdbc.query("select id, number, item_id, body from decision where meeting_id = ? order by year, seq",
                (rs, n) -> new Decision(rs.getObject(1, UUID.class), rs.getString(2), meeting.spaceId(),
                        meeting.id(), new AgendaItemId(rs.getObject(3, UUID.class)), meeting.title(),
                        meeting.startsAt(), rs.getString(4)), meeting.id().value());
    }

    private MeetingDetails requireWriter(MeetingId id) {
        MeetingDetails meeting = meetings.get(id);
        if (!meeting.canWriteMinutes()) {
            throw new AccessDeniedException("Not a minute writer of " + id);
        }
        if (!writable(meeting)) {
            throw new TafelException("minutes.error.notHeld");
        }
        if (status(id) == MinutesStatus.APPROVED) {
            throw new TafelException("minutes.error.locked");
        }
        return meeting;
    }

    private static boolean writable(MeetingDetails meeting) {
        return meeting.status() == MeetingStatus.PUBLISHED || meeting.status() == MeetingStatus.FINISHED;
    }

    private void requireItem(MeetingId id, AgendaItemId item) {
        if (!agenda.isItemOf(id, item)) {
            throw new TafelException("minutes.error.noItem");
        }
    }

    private void ensureMinutes(MeetingDetails meeting) {
        jdbc.update("insert ignore into meeting_minutes (meeting_id, space_id, status, version) values (?, ?,"
                + " 'CONCEPT', 0)", meeting.id().value(), meeting.spaceId().value());
    }

}
