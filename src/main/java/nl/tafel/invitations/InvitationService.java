package nl.tafel.invitations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.tafel.invitations.internal.InvitationEntity;
import nl.tafel.invitations.internal.InvitationRepository;
import nl.tafel.invitations.internal.InviteeEntity;
import nl.tafel.invitations.internal.InviteeRepository;
import nl.tafel.invitations.internal.Inviter;
import nl.tafel.mail.MailService;
import nl.tafel.mail.MailState;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.EmailAddress;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.spaces.SpaceMember;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is invited to a meeting and what they answered. Members answer for themselves; the meeting's planners
 * (space managers, secretaries) see everyone, add guests, record answers given by phone and take people off.
 * Mails go out through {@link Inviter} into the outbox, in the same transaction.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class InvitationService {

    /**
     * The signed-in person's own invitation. {@code answerBeforeChange}: the answer was given before the meeting's
     * time changed.
     */
    public record MyInvitation(boolean invited, Answer answer, java.time.@Nullable Instant answeredAt,
            boolean canAnswer, boolean answerBeforeChange) {
    }

    private final InvitationRepository invitations;
    private final InviteeRepository invitees;
    private final Inviter inviter;
    private final MeetingService meetings;
    private final SpaceService spaces;
    private final PeopleDirectory people;
    private final MailService mail;
    private final nl.tafel.members.AccountDirectory accounts;
    private final Clock clock;

    InvitationService(InvitationRepository invitations, InviteeRepository invitees, Inviter inviter,
            MeetingService meetings, SpaceService spaces, PeopleDirectory people, MailService mail, nl.tafel.members.AccountDirectory accounts,
            Clock clock) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.invitees = invitees;
        this.inviter = inviter;
        this.meetings = meetings;
        this.spaces = spaces;
        this.people = people;
        this.mail = mail;
        this.clock = clock;
    }

    /** Everyone invited (and members not yet invited), their answers, the counts and the quorum forecast. */
    @Transactional(readOnly = true)
    public Attendance attendance(MeetingId id) {
        MeetingDetails m = planner(id);
        Optional<InvitationEntity> invitation = invitations.findById(id.value());
        boolean sent = invitation.map(InvitationEntity::isSent).orElse(false);
        List<InviteeEntity> rows = invitees.findByMeetingIdOrderByNameAscIdAsc(id.value());
        Map<Long, MailState> states = mail.states(rows.stream().map(InviteeEntity::getLastMailId)
                .filter(Objects::nonNull).toList());
        Set<PersonId> recorders = new HashSet<>();
        rows.forEach(r -> {
            if (r.recordedBy() != null) {
                recorders.add(r.recordedBy());
            }
        });
        Map<PersonId, PersonName> names = people.names(recorders);
        List<InviteeRow> result = new ArrayList<>();
        Set<Long> known = new HashSet<>();
        Set<String> knownEmails = new HashSet<>();
        boolean planning = m.status() == MeetingStatus.CONCEPT || m.status() == MeetingStatus.PUBLISHED;
        Set<PersonId> members = planning ? new HashSet<>(spaces.members(m.spaceId()).stream().map(SpaceMember::personId)
                .toList()) : Set.of();
        for (InviteeEntity r : rows) {
            if (r.personId() != null) {
                known.add(r.personId().value());
            }
            knownEmails.add(r.getEmail());
            if (r.isRemoved()) {
                if (r.personId() != null && members.contains(r.personId())) {
                    // a member whose invitation was taken back: listed, so that they can be invited again
                    result.add(new InviteeRow(r.id(), r.personId(), r.getName(), r.getEmail(), false,
                            r.isRequired(), Answer.NEEDS_ACTION, null, null, null, false, null, null,
                            r.getVersion(), false, true));
                }
                continue;
            }
            MailState state = r.getLastMailId() == null ? null : states.get(r.getLastMailId());
            PersonName recorder = r.recordedBy() == null ? null : names.get(r.recordedBy());
            result.add(new InviteeRow(r.id(), r.personId(), r.getName(), r.getEmail(), r.isGuest(), r.isRequired(),
                    r.getAnswer(), r.getAnsweredAt(), r.getAnsweredVia(),
                    recorder == null ? null : recorder.fullName(), r.isInvited(),
                    state == null ? null : state.status(), state == null ? null : state.lastError(), r.getVersion(),
                    r.answeredBeforeChange(m.startsAt(), m.endsAt()), false));
        }
        if (planning) {
            List<SpaceMember> spaceMembers = spaces.members(m.spaceId());
            // the space lists addresses only as the directory allows; invitations go to the real address
            Map<PersonId, PersonName> addresses = people.names(spaceMembers.stream().map(SpaceMember::personId)
                    .toList());
            for (SpaceMember member : spaceMembers) {
                String email = addresses.containsKey(member.personId())
                        ? addresses.get(member.personId()).email() : null;
                if (email != null && !known.contains(member.personId().value()) && !knownEmails.contains(email)) {
                    result.add(new InviteeRow(null, member.personId(), member.name(), email, false, true,
                            Answer.NEEDS_ACTION, null, null, null, false, null, null, 0, false, false));
                }
            }
        }
        result.sort(java.util.Comparator.comparing(InviteeRow::guest).thenComparing(InviteeRow::name,
                String.CASE_INSENSITIVE_ORDER));
        int accepted = 0;
        int tentative = 0;
        int declined = 0;
        int open = 0;
        for (InviteeRow r : result) {
            if (r.withdrawn()) {
                continue;
            }
            switch (r.answer()) {
                case ACCEPTED -> accepted++;
                case TENTATIVE -> tentative++;
                case DECLINED -> declined++;
                case NEEDS_ACTION -> open++;
            }
        }
        Integer needed = null;
        QuorumForecast forecast = null;
        if (m.quorumPercent() != null) {
            List<InviteeRow> voters = result.stream().filter(r -> !r.guest() && r.required() && !r.withdrawn())
                    .toList();
            needed = (int) Math.ceil(voters.size() * m.quorumPercent() / 100.0);
            long coming = voters.stream().filter(r -> r.answer() == Answer.ACCEPTED).count();
            long maybe = voters.stream().filter(r -> r.answer() == Answer.TENTATIVE
                    || r.answer() == Answer.NEEDS_ACTION).count();
            forecast = coming >= needed ? QuorumForecast.MET
                    : coming + maybe >= needed ? QuorumForecast.UNCERTAIN : QuorumForecast.NOT_MET;
        }
        int beforeChange = (int) result.stream().filter(InviteeRow::answerBeforeChange).count();
        return new Attendance(id, m.title(), m.startsAt(), m.status(), sent,
                invitation.map(InvitationEntity::getSequence).orElse(0), result, accepted, tentative, declined, open,
                m.quorum(), needed, forecast, beforeChange);
    }

    /** An invitee's answer, for the minutes' attendance list. */
    public record Answered(@Nullable PersonId personId, String name, boolean guest, Answer answer) {
    }

    /**
     * Everyone invited and their answers, for those who write the meeting's minutes (its planners and minute taker):
     * the minutes take attendance over from them.
     */
    @Transactional(readOnly = true)
    public List<Answered> answers(MeetingId id) {
        MeetingDetails m = meetings.get(id);
        if (!m.canWriteMinutes()) {
            throw new AccessDeniedException("Not a minute writer of meeting " + id);
        }
        return invitees.findByMeetingIdOrderByNameAscIdAsc(id.value()).stream().filter(r -> !r.isRemoved())
                .map(r -> new Answered(r.personId(), r.getName(), r.isGuest(), r.getAnswer())).toList();
    }

    /** A member with an account who is invited to a meeting (guests without an account are left out). */
    public record InvitedMember(PersonId personId, String name) {
    }

    /**
     * The members invited to a meeting that the person can see, not those taken off: for preparing the meeting
     * (who prepares it, who has read what).
     */
    @Transactional(readOnly = true)
    public List<InvitedMember> invitedMembers(MeetingId id) {
        meetings.get(id);
        return invitees.findByMeetingIdOrderByNameAscIdAsc(id.value()).stream()
                .filter(r -> !r.isRemoved() && r.personId() != null)
                .map(r -> new InvitedMember(Objects.requireNonNull(r.personId()), r.getName())).toList();
    }

    /** The signed-in person's invitation to a meeting they can see. */
    @Transactional(readOnly = true)
    public MyInvitation mine(MeetingId id) {
        MeetingDetails m = meetings.get(id);
        PersonId me = CurrentUser.requirePersonId();
        Optional<InviteeEntity> row = invitees.findByMeetingIdAndPersonId(id.value(), me.value())
                .filter(r -> !r.isRemoved());
        boolean open = answerable(m);
        return row.map(r -> new MyInvitation(r.isInvited(), r.getAnswer(), r.getAnsweredAt(), open,
                r.answeredBeforeChange(m.startsAt(), m.endsAt())))
                .orElseGet(() -> new MyInvitation(false, Answer.NEEDS_ACTION, null, open && isMember(m), false));
    }

    /** The signed-in person answers in the app. Members of the space may answer even if their mail went astray. */
    @Transactional
    public void answer(MeetingId id, Answer answer, long version) {
        MeetingDetails m = meetings.get(id);
        requireAnswerable(m, answer);
        PersonId me = CurrentUser.requirePersonId();
        InviteeEntity row = invitees.findByMeetingIdAndPersonId(id.value(), me.value()).orElse(null);
        if (row == null || row.isRemoved()) {
            SpaceMember member = spaces.members(m.spaceId()).stream().filter(s -> s.personId().equals(me))
                    .findFirst().orElseThrow(() -> new TafelException("invitations.error.notInvited"));
            if (row == null) {
                // a row made for their address (as a guest) is theirs: a member stays a member
                row = invitees.findByMeetingIdAndEmail(id.value(), member.email()).orElse(null);
                if (row != null && row.personId() == null) {
                    row.becomeMember(me, member.name(), CurrentUser.require().locale());
                }
            }
            row = row != null ? row : invitees.save(new InviteeEntity(id.value(), me, member.email(), member.name(),
                    CurrentUser.require().locale(), true, false));
            row.setRemoved(false);
        } else if (row.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        row.answer(answer, AnsweredVia.APP, clock.instant(), null, m.startsAt(), m.endsAt());
    }

    /** The version of the signed-in person's row, for {@link #answer}; 0 when they have none. */
    @Transactional(readOnly = true)
    public long myVersion(MeetingId id) {
        return invitees.findByMeetingIdAndPersonId(id.value(), CurrentUser.requirePersonId().value())
                .map(InviteeEntity::getVersion).orElse(0L);
    }

    /** The secretary records an answer given by phone or in person. */
    @Transactional
    public void record(MeetingId id, InviteeRow who, Answer answer) {
        MeetingDetails m = planner(id);
        requireAnswerable(m, answer);
        InviteeEntity row = row(m, who);
        row.answer(answer, AnsweredVia.SECRETARY, clock.instant(), CurrentUser.requirePersonId(), m.startsAt(),
                m.endsAt());
    }

    @Transactional
    public void setRequired(MeetingId id, InviteeRow who, boolean required) {
        MeetingDetails m = planner(id);
        requireOpen(m);
        row(m, who).setRequired(required);
    }

    /** Adds a guest by e-mail; after publication they get their invitation right away. */
    @Transactional
    public void addGuest(MeetingId id, GuestDraft draft) {
        MeetingDetails m = planner(id);
        requireOpen(m);
        String name = Texts.name("name", draft.name(), 200);
        String email = EmailAddress.parse(draft.email()).value();
        spaces.members(m.spaceId()).stream().filter(s -> s.email().equalsIgnoreCase(email)).findFirst()
                .ifPresent(member -> {
                    // a member is invited as a member (with their account, their answer in the app), never as a guest
                    throw new FieldException("email", "invitations.error.memberAsGuest", member.name());
                });
        Optional<InviteeEntity> existing = invitees.findByMeetingIdAndEmail(id.value(), email);
        InviteeEntity guest;
        if (existing.isPresent()) {
            if (!existing.get().isRemoved()) {
                throw new FieldException("email", "invitations.error.alreadyInvited");
            }
            guest = existing.get();
            guest.setRemoved(false);
            guest.setRequired(draft.required());
        } else {
            guest = invitees.save(new InviteeEntity(id.value(), null, email, name,
                    nl.tafel.shared.i18n.TafelI18NProvider.supported(draft.locale()), draft.required(), true));
        }
        inviter.inviteLate(m, guest);
    }

    /** Invites a member of the space who was not invited (joined after publication, or taken off before). */
    @Transactional
    public void invite(MeetingId id, InviteeRow who) {
        MeetingDetails m = planner(id);
        requireOpen(m);
        InviteeEntity row = row(m, who);
        row.setRemoved(false);
        inviter.inviteLate(m, row);
    }

    /** Takes someone off the invitation; if they had it, their calendar gets a cancellation. */
    @Transactional
    public void remove(MeetingId id, InviteeRow who) {
        MeetingDetails m = planner(id);
        requireOpen(m);
        InviteeEntity row = row(m, who);
        inviter.uninvite(m, row);
        row.setRemoved(true);
    }

    private InviteeEntity row(MeetingDetails m, InviteeRow who) {
        if (who.id() == null) {
            if (who.personId() == null) {
                throw new TafelException("invitations.error.gone");
            }
            // a member without a row yet: make one (the version check does not apply)
            SpaceMember member = spaces.members(m.spaceId()).stream()
                    .filter(s -> s.personId().equals(who.personId())).findFirst()
                    .orElseThrow(() -> new TafelException("invitations.error.gone"));
            Optional<InviteeEntity> raced = invitees.findByMeetingIdAndPersonId(m.id().value(),
                    member.personId().value());
            if (raced.isPresent()) {
                throw new ConcurrentEditException();
            }
            java.util.Locale locale = accounts.findById(member.personId()).map(nl.tafel.members.Account::locale)
                    .orElse(nl.tafel.shared.i18n.TafelI18NProvider.DUTCH);
            String email = people.find(member.personId()).map(PersonName::email)
                    .orElseThrow(() -> new TafelException("invitations.error.gone"));
            return invitees.save(new InviteeEntity(m.id().value(), member.personId(), email, member.name(),
                    locale, true, false));
        }
        InviteeEntity row = invitees.findById(who.id()).filter(r -> r.getMeetingId().equals(m.id().value()))
                .orElseThrow(() -> new TafelException("invitations.error.gone"));
        if (row.getVersion() != who.version()) {
            throw new ConcurrentEditException();
        }
        return row;
    }

    private MeetingDetails planner(MeetingId id) {
        MeetingDetails m = meetings.get(id);
        if (!m.canEdit()) {
            throw new AccessDeniedException("Not a planner of meeting " + id);
        }
        return m;
    }

    private boolean isMember(MeetingDetails m) {
        PersonId me = CurrentUser.requirePersonId();
        return spaces.members(m.spaceId()).stream().anyMatch(s -> s.personId().equals(me));
    }

    private boolean answerable(MeetingDetails m) {
        return m.status() == MeetingStatus.PUBLISHED && clock.instant().isBefore(m.endsAt());
    }

    private void requireAnswerable(MeetingDetails m, Answer answer) {
        if (answer == Answer.NEEDS_ACTION) {
            throw new TafelException("invitations.error.noAnswer");
        }
        if (m.status() == MeetingStatus.CANCELLED) {
            throw new TafelException("rsvp.cancelled");
        }
        if (m.status() != MeetingStatus.PUBLISHED) {
            throw new TafelException(m.status() == MeetingStatus.CONCEPT ? "invitations.error.notPublished"
                    : "rsvp.over");
        }
        if (!clock.instant().isBefore(m.endsAt())) {
            throw new TafelException("rsvp.over");
        }
    }

    private static void requireOpen(MeetingDetails m) {
        if (m.status() == MeetingStatus.CANCELLED || m.status() == MeetingStatus.FINISHED) {
            throw new TafelException("meetings.error.closed");
        }
    }
}
