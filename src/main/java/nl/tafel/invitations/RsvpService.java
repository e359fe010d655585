package nl.tafel.invitations;

import java.time.Clock;
import nl.tafel.invitations.internal.InviteeEntity;
import nl.tafel.invitations.internal.InviteeRepository;
import nl.tafel.security.SignedLinks;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers through the links in invitation mails, without signing in. The signed token names one invitee of one
 * meeting and expires; it is the only credential, and it can do nothing but answer for that invitee.
 */
@Service
public class RsvpService {

    private final SignedLinks tokens;
    private final InviteeRepository invitees;
    private final MeetingService meetings;
    private final Clock clock;

    private final AccountDirectory accounts;

    RsvpService(SignedLinks tokens, InviteeRepository invitees, MeetingService meetings, AccountDirectory accounts,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.invitees = invitees;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** What the link is for, without changing anything. */
    @Transactional(readOnly = true)
    public RsvpResult show(String token) {
        InviteeEntity invitee = invitee(token);
        return result(invitee, meeting(invitee));
    }

    /** Records the answer; answering again changes it. Refused for a cancelled or past meeting. */
    @Transactional
    public RsvpResult answer(String token, Answer answer) {
        InviteeEntity invitee = invitee(token);
        MeetingDetails m = meeting(invitee);
        if (answer == Answer.NEEDS_ACTION) {
            throw new RsvpRefused("rsvp.invalid");
        }
        if (m.status() == MeetingStatus.CANCELLED) {
            throw new RsvpRefused("rsvp.cancelled");
        }
        if (m.status() == MeetingStatus.FINISHED) {
            throw new RsvpRefused("rsvp.finished");
        }
        if (m.status() != MeetingStatus.PUBLISHED || !clock.instant().isBefore(m.endsAt())) {
            throw new RsvpRefused("rsvp.over");
        }
        invitee.answer(answer, AnsweredVia.MAIL, clock.instant(), null, m.startsAt(), m.endsAt());
        return result(invitee, m);
    }

    private InviteeEntity invitee(String token) {
        return switch (tokens.check("rsvp", token)) {
            case SignedLinks.Invalid i -> throw new RsvpRefused("rsvp.invalid");
            case SignedLinks.Expired e -> throw new RsvpRefused("rsvp.expired");
            case SignedLinks.Valid v -> active(invitees.findById(v.subject()).filter(r -> !r.isRemoved())
                    .orElseThrow(() -> new RsvpRefused("rsvp.invalid")));
        };
    }

    /** A member's link stops with their account: once deactivated, it answers nothing. */
    private InviteeEntity active(InviteeEntity invitee) {
        PersonId person = invitee.personId();
        if (person != null && accounts.findById(person).filter(Account::canSignIn).isEmpty()) {
            throw new RsvpRefused("rsvp.inactive");
        }
        return invitee;
    }

    private MeetingDetails meeting(InviteeEntity invitee) {
        try {
            return CurrentUser.callAsSystem(() -> meetings.get(new MeetingId(invitee.getMeetingId())));
        } catch (MeetingNotFoundException e) {
            throw new RsvpRefused("rsvp.invalid");
        }
    }

    private static RsvpResult result(InviteeEntity invitee, MeetingDetails m) {
        return new RsvpResult(m.id(), m.title(), m.startsAt(), m.endsAt(),
                m.location() != null ? m.location() : m.joinUrl(), invitee.getName(), invitee.locale(),
                invitee.getAnswer(), m.status(), invitee.answeredBeforeChange(m.startsAt(), m.endsAt()));
    }
}
