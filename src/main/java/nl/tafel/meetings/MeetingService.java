package nl.tafel.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.tafel.meetings.internal.AgendaItemEntity;
import nl.tafel.meetings.internal.AgendaItemRepository;
import nl.tafel.meetings.internal.FollowUps;
import nl.tafel.meetings.internal.MeetingAccess;
import nl.tafel.meetings.internal.MeetingEntity;
import nl.tafel.meetings.internal.MeetingRepository;
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
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Meetings in a space: plan, change, publish, cancel; and the person's meetings across their spaces. */
@Service
@PreAuthorize("isAuthenticated()")
public class MeetingService {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /**
     * The standing items every new agenda starts with (Dutch data: the association's agenda is Dutch), each with its
     * role; new items go in before "Rondvraag".
     */
    static final List<TemplateItem> STANDING = List.of(
            new TemplateItem("Opening en vaststellen agenda", ItemPurpose.DECISION, 5, false, ItemRole.OPENING),
            new TemplateItem("Notulen vorige vergadering", ItemPurpose.DECISION, 10, false,
                    ItemRole.PREVIOUS_MINUTES),
            new TemplateItem("Actielijst", ItemPurpose.DISCUSSION, 10, false, ItemRole.ACTIONS),
            new TemplateItem("Ingekomen stukken en mededelingen", ItemPurpose.INFORMATION, 10, false,
                    ItemRole.ANNOUNCEMENTS),
            new TemplateItem("Rondvraag", ItemPurpose.DISCUSSION, 10, true, ItemRole.QUESTIONS),
            new TemplateItem("Sluiting", ItemPurpose.INFORMATION, 5, true, ItemRole.CLOSING));

    /** What a planner is told but not stopped by. */
    public record Saved(MeetingId id, List<String> warnings) {
    }

    private final MeetingRepository meetings;
    private final AgendaItemRepository items;
    private final MeetingAccess access;
    private final SeriesService series;
    private final SpaceService spaces;
    private final PeopleDirectory people;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FollowUps followUps;

    MeetingService(MeetingRepository meetings, AgendaItemRepository items, MeetingAccess access,
            SeriesService series, SpaceService spaces, PeopleDirectory people, JdbcTemplate jdbc, ApplicationEventPublisher events,
            Clock clock, FollowUps followUps) {
        this.followUps = followUps;
        this.meetings = meetings;
        this.items = items;
        this.access = access;
        this.series = series;
        this.spaces = spaces;
        this.people = people;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The spaces in which the person may plan meetings. */
    @Transactional(readOnly = true)
    public List<SpaceSummary> spacesToPlanIn() {
        return spaces.mySpaces().stream().filter(s -> !s.archived())
                .filter(s -> access.canPlan(access.space(s.id()))).toList();
    }

    /** Creates a concept meeting with the standing agenda items. Warns (without refusing) about a missing link. */
    @Transactional
    public Saved create(SpaceId spaceId, MeetingDraft draft) {
        return create(spaceId, draft, null);
    }

    /** Creates a concept meeting of a series: its agenda starts from the series' template. */
    @Transactional
    public Saved create(SpaceId spaceId, MeetingDraft draft, @Nullable SeriesId seriesId) {
        return create(spaceId, draft, seriesId, false);
    }

    /**
     * Records a meeting that took place before Tafel ("archief"): its date lies in the past, it never sends
     * invitations, and its agenda, papers and minutes are entered afterwards. It starts as a concept; publishing it
     * (without invitations) opens its minutes.
     */
    @Transactional
    public Saved createArchived(SpaceId spaceId, MeetingDraft draft, @Nullable SeriesId seriesId) {
        return create(spaceId, draft, seriesId, true);
    }

    private Saved create(SpaceId spaceId, MeetingDraft draft, @Nullable SeriesId seriesId, boolean archive) {
        SpaceDetails space = access.space(spaceId);
        if (!access.canPlan(space) || space.archived()) {
            throw new TafelException(space.archived() ? "spaces.error.archived" : "meetings.error.notPlanner");
        }
        Checked checked = check(draft, !archive);
        if (archive && !checked.startsAt.isBefore(clock.instant())) {
            throw new FieldException("date", "meetings.error.archiveNotPast");
        }
        MeetingEntity meeting = new MeetingEntity(spaceId, CurrentUser.requirePersonId(), clock.instant());
        if (archive) {
            meeting.markArchive();
        }
        meeting.set(checked.title, checked.startsAt, checked.endsAt, draft.form(), checked.location, checked.joinUrl,
                draft.chair(), draft.minuteTaker());
        List<TemplateItem> template = series.defaultTemplate();
        if (seriesId != null) {
            SeriesDetails chosen = series.get(seriesId);
            if (!chosen.spaceId().equals(spaceId)) {
                throw new MeetingNotFoundException();
            }
            meeting.setSeriesId(seriesId.value());
            template = chosen.template();
        }
        meetings.save(meeting);
        int position = 0;
        for (TemplateItem standing : template) {
            AgendaItemEntity item = standing(meeting, position++,
                    new ItemDraft(standing.title(), standing.purpose(), null, standing.minutes(), null));
            item.setClosing(standing.atEnd());
            item.setRole(standing.role());
            items.save(item);
        }
        events.publishEvent(new MeetingScheduled(meeting.meetingId(), spaceId));
        return new Saved(meeting.meetingId(), checked.warnings);
    }

    private static AgendaItemEntity standing(MeetingEntity meeting, int position, ItemDraft draft) {
        AgendaItemEntity item = new AgendaItemEntity(meeting.getId(), null, position, true);
        item.set(draft.title(), draft.purpose(), draft.presenter(), draft.minutes(), draft.description());
        return item;
    }

    @Transactional
    public Saved update(MeetingId id, MeetingDraft draft, long version) {
        MeetingEntity meeting = meetings.findById(id.value()).orElseThrow(MeetingNotFoundException::new);
        access.requirePlanner(meeting);
        if (meeting.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        if (meeting.getStatus() == MeetingStatus.CANCELLED || meeting.getStatus() == MeetingStatus.FINISHED) {
            throw new TafelException("meetings.error.closed");
        }
        Checked checked = check(draft, false);
        Instant oldStart = meeting.getStartsAt();
        Instant oldEnd = meeting.getEndsAt();
        String oldTitle = meeting.getTitle();
        String oldPlace = place(meeting.getForm(), meeting.getLocation());
        String oldLink = meeting.getJoinUrl();
        boolean significant = meeting.set(checked.title, checked.startsAt, checked.endsAt, draft.form(),
                checked.location, checked.joinUrl, draft.chair(), draft.minuteTaker());
        if (meeting.getStatus() == MeetingStatus.PUBLISHED) {
            // what changed, old → new, for the meeting page and the invitees' change notice
            boolean told = false;
            if (!oldStart.equals(checked.startsAt)) {
                recordChange(meeting, "agendaChange.startChanged", moment(oldStart, checked.startsAt),
                        moment(checked.startsAt, oldStart));
                told = true;
            }
            if (!oldEnd.equals(checked.endsAt)) {
                recordChange(meeting, "agendaChange.endChanged", moment(oldEnd, checked.endsAt),
                        moment(checked.endsAt, oldEnd));
                told = true;
            }
            String newPlace = place(draft.form(), checked.location);
            if (!oldPlace.equals(newPlace)) {
                recordChange(meeting, "agendaChange.placeChanged", oldPlace, newPlace);
                told = true;
            }
            if (!java.util.Objects.equals(oldLink, checked.joinUrl)) {
                recordChange(meeting, "agendaChange.linkChanged");
                told = true;
            }
            if (!oldTitle.equals(checked.title)) {
                recordChange(meeting, "agendaChange.titleChanged", oldTitle, checked.title);
                told = true;
            }
            if (!told) {
                recordChange(meeting, "agendaChange.meetingEdited");
            }
        }
        followUps.packAffected(meeting.getId());
        events.publishEvent(new MeetingChanged(meeting.meetingId(), meeting.spaceId(), significant));
        return new Saved(id, checked.warnings);
    }

    /**
     * Publishing makes the meeting and its agenda visible to all members of the space. Invitations go out for a
     * meeting still to come; for one whose start has passed (or an archived one) none go out.
     */
    @Transactional
    public void publish(MeetingId id) {
        publish(id, null);
    }

    /**
     * Publishes; {@code sendInvitations} is the planner's choice for a meeting whose start has passed (null: the
     * default, invitations only for a meeting still to come). An archived meeting never sends invitations.
     */
    @Transactional
    public void publish(MeetingId id, @Nullable Boolean sendInvitations) {
        MeetingEntity meeting = meetings.lock(id.value()).orElseThrow(MeetingNotFoundException::new);
        access.requirePlanner(meeting);
        if (meeting.getStatus() != MeetingStatus.CONCEPT) {
            throw new TafelException("meetings.error.notConcept");
        }
        boolean started = !clock.instant().isBefore(meeting.getStartsAt());
        meeting.publish(clock.instant(), sendInvitations == null ? !started : sendInvitations);
        events.publishEvent(new AgendaPublished(meeting.meetingId(), meeting.spaceId()));
    }

    /**
     * Marks a published meeting as held ("afgerond"), once it has started: its agenda and the papers on it are
     * closed from then on, and answers, reminders and invitations stop.
     */
    @Transactional
    public void finish(MeetingId id) {
        MeetingEntity meeting = meetings.lock(id.value()).orElseThrow(MeetingNotFoundException::new);
        access.requirePlanner(meeting);
        if (meeting.getStatus() != MeetingStatus.PUBLISHED || clock.instant().isBefore(meeting.getStartsAt())) {
            throw new TafelException("meetings.error.notFinishable");
        }
        close(meeting);
    }

    /**
     * Approving the minutes says the meeting was held: a published meeting is finished with them (whatever the
     * clock says); a finished one stays so. Planners only.
     */
    @Transactional
    public void finishWithApprovedMinutes(MeetingId id) {
        MeetingEntity meeting = meetings.lock(id.value()).orElseThrow(MeetingNotFoundException::new);
        access.requirePlanner(meeting);
        if (meeting.getStatus() == MeetingStatus.PUBLISHED) {
            close(meeting);
        }
    }

    private void close(MeetingEntity meeting) {
        meeting.setStatus(MeetingStatus.FINISHED);
        events.publishEvent(new MeetingFinished(meeting.meetingId(), meeting.spaceId()));
    }

    @Transactional
    public void cancel(MeetingId id) {
        MeetingEntity meeting = meetings.lock(id.value()).orElseThrow(MeetingNotFoundException::new);
        access.requirePlanner(meeting);
        if (meeting.getStatus() == MeetingStatus.CANCELLED || meeting.getStatus() == MeetingStatus.FINISHED) {
            throw new TafelException("meetings.error.closed");
        }
        meeting.setStatus(MeetingStatus.CANCELLED);
        events.publishEvent(new MeetingCancelled(meeting.meetingId(), meeting.spaceId()));
    }

    @Transactional(readOnly = true)
    public MeetingDetails get(MeetingId id) {
        MeetingEntity meeting = meetings.findById(id.value()).orElseThrow(MeetingNotFoundException::new);
        SpaceDetails space = access.requireVisible(meeting);
        Set<PersonId> ids = new java.util.HashSet<>();
        if (meeting.chair() != null) {
            ids.add(meeting.chair());
        }
        if (meeting.minuteTaker() != null) {
            ids.add(meeting.minuteTaker());
        }
        List<Object[]> changeRows = jdbc.query("""
                select changed_at, changed_by, message_key, argument from agenda_change where meeting_id = ?
                order by changed_at, id""", (rs, n) -> new Object[] {rs.getTimestamp(1).toInstant(),
                        rs.getLong(2), rs.getString(3), rs.getString(4)}, meeting.getId());
        changeRows.forEach(r -> ids.add(new PersonId((Long) r[1])));
        Map<PersonId, PersonName> names = people.names(ids);
        List<MeetingDetails.AgendaChange> changes = changeRows.stream().map(r -> new MeetingDetails.AgendaChange(
                (Instant) r[0], name(names, new PersonId((Long) r[1])), (String) r[2], (String) r[3])).toList();
        SeriesId seriesId = meeting.getSeriesId() == null ? null : new SeriesId(meeting.getSeriesId());
        String quorum = seriesId == null ? null : series.quorum(seriesId);
        Integer quorumPercent = seriesId == null ? null : series.quorumPercent(seriesId);
        boolean planner = access.canPlan(space);
        boolean minuteTaker = CurrentUser.get().map(p -> p.personId().equals(meeting.minuteTaker())).orElse(false);
        return new MeetingDetails(meeting.meetingId(), space.id(), space.name(), meeting.getTitle(),
                meeting.getStartsAt(), meeting.getEndsAt(), meeting.getForm(), meeting.getLocation(),
                meeting.getJoinUrl(), meeting.chair(), nameOrNull(names, meeting.chair()), meeting.minuteTaker(),
                nameOrNull(names, meeting.minuteTaker()), meeting.getStatus(), meeting.getPublishedAt(),
                planner, meeting.getVersion(), meeting.getAgendaVersion(), changes, quorum,
                quorumPercent, meeting.createdBy(), planner || minuteTaker, meeting.isArchive(),
                meeting.sendsInvitations());
    }

    /** The person's meetings in a period, across their spaces; concepts only where they plan. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> myMeetings(Instant from, Instant to) {
        Map<UUID, SpaceSummary> mine = spaces.mySpaces().stream()
                .collect(Collectors.toMap(s -> s.id().value(), s -> s));
        if (mine.isEmpty()) {
            return List.of();
        }
        Map<UUID, Boolean> plans = new java.util.HashMap<>();
        List<MeetingSummary> result = new ArrayList<>();
        for (MeetingEntity m : meetings.findInSpaces(mine.keySet(), from, to)) {
            boolean planner = plans.computeIfAbsent(m.spaceId().value(), s -> access.canPlan(access.space(m.spaceId())));
            if (m.getStatus() == MeetingStatus.CONCEPT && !planner) {
                continue;
            }
            SpaceSummary space = mine.get(m.spaceId().value());
            result.add(new MeetingSummary(m.meetingId(), m.spaceId(), space.name(), m.getTitle(), m.getStartsAt(),
                    m.getEndsAt(), m.getForm(), m.getLocation(), m.getStatus(), m.isArchive()));
        }
        return result;
    }

    /** The next meetings from now, for the overview. */
    @Transactional(readOnly = true)
    public List<MeetingSummary> upcoming(int max) {
        Instant now = clock.instant();
        return myMeetings(now.minus(java.time.Duration.ofHours(3)), now.plus(java.time.Duration.ofDays(400)))
                .stream().filter(m -> m.status() != MeetingStatus.CANCELLED).limit(max).toList();
    }

    /**
     * Records a change to a published meeting ("gewijzigd na publicatie"), by the signed-in person; a change the
     * invitees are told about ({@link FollowUps#NOTICED}) brings their change notice.
     */
    void recordChange(MeetingEntity meeting, String key, String... arguments) {
        followUps.record(meeting.getId(), CurrentUser.requirePersonId(), key, arguments);
    }

    /** "19:30", or "13-01-2026 19:30" when the day differs from the other moment's. */
    private static String moment(Instant at, Instant other) {
        var local = at.atZone(ZONE);
        boolean sameDay = local.toLocalDate().equals(other.atZone(ZONE).toLocalDate());
        return java.time.format.DateTimeFormatter.ofPattern(sameDay ? "HH:mm" : "dd-MM-yyyy HH:mm").format(local);
    }

    /** The place as the change notice names it: the location, or the form for an online meeting. */
    private static String place(MeetingForm form, @Nullable String location) {
        return location == null ? "–" : location;
    }

    private record Checked(String title, Instant startsAt, Instant endsAt, @Nullable String location,
            @Nullable String joinUrl, List<String> warnings) {
    }

    private Checked check(MeetingDraft draft, boolean creating) {
        String title = Texts.name("title", draft.title(), 200);
        if (draft.date() == null) {
            throw new FieldException("date", "validation.required");
        }
        if (draft.start() == null) {
            throw new FieldException("start", "validation.required");
        }
        if (draft.end() == null) {
            throw new FieldException("end", "validation.required");
        }
        if (!draft.end().isAfter(draft.start())) {
            throw new FieldException("end", "meetings.error.endBeforeStart");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        if (creating && draft.date().isBefore(today)) {
            throw new FieldException("date", "meetings.error.inPast");
        }
        String location = Texts.optional("location", draft.location(), 300);
        String link = Texts.optional("joinUrl", draft.joinUrl(), 1000);
        if (link != null && !link.matches("https://[^\\s<>\"]+")) {
            throw new FieldException("joinUrl", "meetings.error.link");
        }
        List<String> warnings = new ArrayList<>();
        if (draft.form().needsLink() && link == null) {
            warnings.add("meetings.warning.noLink");
        }
        if (draft.form().needsLocation() && location == null) {
            warnings.add("meetings.warning.noLocation");
        }
        // a time in the hour the clocks skip (last Sunday of March, 02:00-03:00) does not exist: say so rather
        // than let it shift into a shorter or zero-length meeting
        for (var field : List.of(Map.entry("start", draft.start()), Map.entry("end", draft.end()))) {
            if (ZONE.getRules().getValidOffsets(draft.date().atTime(field.getValue())).isEmpty()) {
                throw new FieldException(field.getKey(), "meetings.error.dstGap",
                        java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy").format(draft.date()));
            }
        }
        Instant startsAt = draft.date().atTime(draft.start()).atZone(ZONE).toInstant();
        Instant endsAt = draft.date().atTime(draft.end()).atZone(ZONE).toInstant();
        return new Checked(title, startsAt, endsAt, location, link, warnings);
    }

    private static String name(Map<PersonId, PersonName> names, PersonId id) {
        PersonName name = names.get(id);
        return name == null ? "?" : name.fullName();
    }

    private static @Nullable String nameOrNull(Map<PersonId, PersonName> names, @Nullable PersonId id) {
        return id == null ? null : name(names, id);
    }
}
