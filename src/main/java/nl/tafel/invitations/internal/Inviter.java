package nl.tafel.invitations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.tafel.invitations.Answer;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.security.SignedLinks;
import nl.tafel.shared.CurrentUser;
import nl.tafel.spaces.SpaceMember;
import nl.tafel.spaces.SpaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings invitees' calendars in line with the meeting: the first invitations at publication, an update with a raised
 * SEQUENCE when time, place, link or title changed, a cancellation when the meeting is cancelled, and reminders.
 * Idempotent: it compares the meeting with what was last sent, and every mail has a key per invitee, SEQUENCE and
 * kind, so running it twice (a redelivered event, two instances) sends nothing twice.
 */
@Component
public class Inviter {

    private static final Logger log = LoggerFactory.getLogger(Inviter.class);

    /** How long after the meeting's end its answer links keep working. */
    public static final Duration LINK_AFTER_END = Duration.ofDays(7);

    private final InvitationRepository invitations;
    private final InviteeRepository invitees;
    private final MeetingService meetings;
    private final SpaceService spaces;
    private final AccountDirectory accounts;
    private final MailService mail;
    private final InvitationMails mails;
    private final SignedLinks tokens;
    private final Clock clock;
    private final Duration reminderBefore;
    private final String fallbackOrganizer;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final nl.tafel.invitations.InvitationUpdates updates;

    Inviter(InvitationRepository invitations, InviteeRepository invitees, MeetingService meetings,
            SpaceService spaces, AccountDirectory accounts, MailService mail, InvitationMails mails,
            SignedLinks tokens, Clock clock, @Value("${tafel.invitations.reminder-days:3}") int reminderDays,
            @Value("${tafel.mail.from}") String from, org.springframework.context.ApplicationEventPublisher events,
            nl.tafel.invitations.InvitationUpdates updates) {
        this.updates = updates;
        this.events = events;
        this.invitations = invitations;
        this.invitees = invitees;
        this.meetings = meetings;
        this.spaces = spaces;
        this.accounts = accounts;
        this.mail = mail;
        this.mails = mails;
        this.tokens = tokens;
        this.clock = clock;
        this.reminderBefore = Duration.ofDays(reminderDays);
        this.fallbackOrganizer = from;
    }

    public static String uid(MeetingId id) {
        return id.value() + "@tafel";
    }

    /** Sends what the meeting's current state asks for. Runs as Tafel itself, after the change was committed. */
    @Transactional
    public void sync(MeetingId id) {
        MeetingDetails m;
        try {
            m = meetings.get(id);
        } catch (MeetingNotFoundException e) {
            return;
        }
        if (m.status() == MeetingStatus.CONCEPT || !m.sendsInvitations()) {
            return; // an archived meeting, or one published after its start without invitations
        }
        if (!invitations.existsById(id.value())) {
            // only when missing: an "insert ignore" on an existing row takes a shared lock, and two syncs at once
            // (the listener and a retry) then deadlock on the lock below
            invitations.createIfMissing(id.value(), uid(id));
        }
        InvitationEntity invitation = invitations.lock(id.value()).orElseThrow();
        if (m.status() == MeetingStatus.CANCELLED) {
            if (invitation.isSent() && !invitation.isCancelled()) {
                invitation.cancel();
                for (InviteeEntity invitee : invitees.findByMeetingIdOrderByNameAscIdAsc(id.value())) {
                    if (!invitee.isRemoved() && invitee.isInvited()) {
                        send(invitation, invitee, m, InvitationMails.Kind.CANCELLATION);
                    }
                }
                updates.afterCommit(id);
            }
            return;
        }
        if (invitation.isCancelled() || m.status() == MeetingStatus.FINISHED) {
            return;
        }
        String fingerprint = fingerprint(m);
        if (fingerprint.equals(invitation.getFingerprint())) {
            return;
        }
        boolean first = !invitation.isSent();
        invitation.sending(fingerprint, m.startsAt());
        if (first) {
            addMembers(m);
        }
        for (InviteeEntity invitee : invitees.findByMeetingIdOrderByNameAscIdAsc(id.value())) {
            if (!invitee.isRemoved() && (first || invitee.isInvited())) {
                send(invitation, invitee, m, first ? InvitationMails.Kind.INVITATION : InvitationMails.Kind.UPDATE);
            }
        }
        log.info("Invitations for meeting {} sent at SEQUENCE {}", id, invitation.getSequence());
        updates.afterCommit(id);
    }

    /** Invitee rows for the space's active members who have none yet (members removed by hand stay removed). */
    void addMembers(MeetingDetails m) {
        List<InviteeEntity> current = invitees.findByMeetingIdOrderByNameAscIdAsc(m.id().value());
        Set<Long> people = new HashSet<>();
        Set<String> emails = new HashSet<>();
        current.forEach(i -> {
            if (i.personId() != null) {
                people.add(i.personId().value());
            }
            emails.add(i.getEmail());
        });
        for (SpaceMember member : spaces.members(m.spaceId())) {
            if (people.contains(member.personId().value())) {
                continue;
            }
            if (emails.contains(member.email())) {
                // added as a guest by their address before publication: a member stays a member
                current.stream().filter(i -> i.personId() == null && i.getEmail().equalsIgnoreCase(member.email()))
                        .findFirst().ifPresent(i -> accounts.findById(member.personId()).ifPresent(
                                account -> i.becomeMember(account.id(), account.displayName(), account.locale())));
                continue;
            }
            accounts.findById(member.personId()).filter(Account::canSignIn).ifPresent(account -> invitees.save(
                    new InviteeEntity(m.id().value(), account.id(), account.email(), account.displayName(),
                            account.locale(), true, false)));
        }
    }

    /**
     * Invites one invitee now, when invitations for the meeting went out already (a guest added later, a new member);
     * does nothing before publication, since publication invites everyone.
     */
    @Transactional
    public void inviteLate(MeetingDetails m, InviteeEntity invitee) {
        if (!open(m)) {
            return;
        }
        invitations.lock(m.id().value()).filter(i -> i.isSent() && !i.isCancelled()).ifPresent(invitation -> {
            raiseAbove(invitation, invitee);
            send(invitation, invitee, m, InvitationMails.Kind.INVITATION);
        });
    }

    /** Takes one invitee off: their calendar gets a cancellation, if they had been invited. */
    @Transactional
    public void uninvite(MeetingDetails m, InviteeEntity invitee) {
        if (invitee.isInvited() && open(m)) {
            invitations.lock(m.id().value()).filter(i -> i.isSent() && !i.isCancelled()).ifPresent(invitation -> {
                raiseAbove(invitation, invitee);
                send(invitation, invitee, m, InvitationMails.Kind.CANCELLATION);
            });
        }
    }

    /**
     * A mail for one person (taken off, invited again) must carry a SEQUENCE above everything they were sent before,
     * or their calendar ignores it (and the outbox would take it for the earlier mail). The meeting's SEQUENCE is
     * raised for this; the others' next update simply skips a number, which calendars accept.
     */
    private static void raiseAbove(InvitationEntity invitation, InviteeEntity invitee) {
        if (invitee.lastSequence() >= invitation.getSequence()) {
            invitation.raise(invitee.lastSequence() + 1);
        }
    }

    /** Mails go out only for a published meeting that has not ended: afterwards nobody is invited or reminded. */
    private static boolean open(MeetingDetails m) {
        return m.status() == MeetingStatus.PUBLISHED;
    }

    /** Reminds those who have not answered, once per meeting, {@code tafel.invitations.reminder-days} before. */
    @Transactional
    public int remindDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (UUID meetingId : invitations.dueForReminder(now, now.plus(reminderBefore))) {
            InvitationEntity invitation = invitations.lock(meetingId).orElseThrow();
            MeetingDetails m;
            try {
                m = meetings.get(new MeetingId(meetingId));
            } catch (MeetingNotFoundException e) {
                invitation.reminded(now);
                continue;
            }
            if (m.status() == MeetingStatus.PUBLISHED) {
                for (InviteeEntity invitee : invitees.findByMeetingIdOrderByNameAscIdAsc(meetingId)) {
                    if (!invitee.isRemoved() && invitee.isInvited() && invitee.getAnswer() == Answer.NEEDS_ACTION) {
                        send(invitation, invitee, m, InvitationMails.Kind.REMINDER);
                        sent++;
                    }
                }
            }
            invitation.reminded(now);
        }
        return sent;
    }

    private void send(InvitationEntity invitation, InviteeEntity invitee, MeetingDetails m,
            InvitationMails.Kind kind) {
        int sequence = invitation.getSequence();
        String dedupeKey = "invitation:" + invitee.id() + ":" + sequence + ":" + kind.name();
        Instant now = clock.instant();
        InvitationMails.Facts facts = facts(m);
        OutgoingMail.CalendarPart calendar = null;
        if (kind != InvitationMails.Kind.REMINDER) {
            boolean cancelled = kind == InvitationMails.Kind.CANCELLATION;
            IcsWriter.Event event = event(invitation, m, invitee, cancelled);
            if (event.attendee() != null && event.attendee().email().equalsIgnoreCase(event.organizer().email())) {
                // the organizer's own copy: no REQUEST to herself as both ORGANIZER and ATTENDEE
                calendar = new OutgoingMail.CalendarPart("PUBLISH", IcsWriter.publish(event, now));
            } else {
                calendar = cancelled ? new OutgoingMail.CalendarPart("CANCEL", IcsWriter.cancel(event, now))
                        : new OutgoingMail.CalendarPart("REQUEST", IcsWriter.request(event, now));
            }
        }
        // the answer links work until a week after the meeting, however early the invitation went out
        String token = kind == InvitationMails.Kind.CANCELLATION ? null
                : tokens.issue("rsvp", invitee.id(), m.endsAt().plus(LINK_AFTER_END));
        String previous = kind == InvitationMails.Kind.UPDATE && invitee.answeredBeforeChange(m.startsAt(), m.endsAt())
                ? invitee.getAnswer().translationKey() : null;
        long mailId = mail.queue(mails.compose(kind, invitee.getEmail(), invitee.getName(), invitee.locale(), facts,
                token, calendar, dedupeKey, previous));
        if (kind != InvitationMails.Kind.REMINDER) {
            invitee.mailed(sequence, mailId);
        }
        if (kind == InvitationMails.Kind.INVITATION && invitee.personId() != null) {
            events.publishEvent(new nl.tafel.invitations.InvitationSent(m.id(), invitee.personId(), m.title(),
                    m.startsAt()));
        }
    }

    public InvitationMails.Facts facts(MeetingDetails m) {
        return new InvitationMails.Facts(m.title(), m.spaceName(), m.startsAt(), m.endsAt(), m.location(),
                m.joinUrl(), pageUrl(m.id()));
    }

    public String pageUrl(MeetingId id) {
        return mails.baseUrl() + "/vergaderingen/" + id;
    }

    public IcsWriter.Event event(InvitationEntity invitation, MeetingDetails m, InviteeEntity invitee,
            boolean cancelled) {
        return new IcsWriter.Event(invitation.getUid(), invitation.getSequence(), cancelled, m.title(),
                m.startsAt(), m.endsAt(), m.location(), m.joinUrl(), pageUrl(m.id()),
                description(m), organizer(m), new IcsWriter.Person(invitee.getName(), invitee.getEmail()),
                invitee.isRequired());
    }

    public String description(MeetingDetails m) {
        StringBuilder d = new StringBuilder(m.spaceName()).append('\n').append(pageUrl(m.id()));
        if (m.joinUrl() != null) {
            d.append('\n').append(m.joinUrl());
        }
        return d.toString();
    }

    public IcsWriter.Person organizer(MeetingDetails m) {
        return accounts.findById(m.organizer()).filter(Account::canSignIn)
                .map(a -> new IcsWriter.Person(a.displayName(), a.email()))
                .orElseGet(() -> {
                    var address = fallbackOrganizer.replaceAll(".*<([^>]+)>.*", "$1").strip();
                    return new IcsWriter.Person("Tafel", address);
                });
    }

    static String fingerprint(MeetingDetails m) {
        String facts = String.join("|", m.title(), m.startsAt().toString(), m.endsAt().toString(),
                Objects.toString(m.location(), ""), Objects.toString(m.joinUrl(), ""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(facts.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
