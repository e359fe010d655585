package nl.tafel.review.internal;

import nl.tafel.invitations.InvitationService;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.SpaceService;
import org.springframework.stereotype.Component;

/**
 * Who may do what in preparing a meeting. A meeting the person cannot see does not exist for them (the meetings
 * module decides). Preparing: the members invited to the meeting and the space's managers. Leading it (the reading
 * table, questions meant for the chair and secretary, marking them answered): the meeting's planners (space managers
 * and secretaries), its chair and its minute taker.
 */
@Component
public class ReviewAccess {

    /** The person and the meeting, with what they are to it. */
    public record Context(MeetingDetails meeting, PersonId me, boolean invited, boolean manager, boolean chair) {

        public boolean mayPrepare() {
            return invited || manager;
        }

        /** Chair, planners (secretaries, space managers) and the minute taker lead the meeting. */
        public boolean leads() {
            return chair || meeting.canEdit() || meeting.canWriteMinutes();
        }

        /** The reading table is for the secretaries (planners) and the chair. */
        public boolean seesReadingTable() {
            return chair || meeting.canEdit();
        }
    }

    private final MeetingService meetings;
    private final InvitationService invitations;
    private final SpaceService spaces;

    ReviewAccess(MeetingService meetings, InvitationService invitations, SpaceService spaces) {
        this.meetings = meetings;
        this.invitations = invitations;
        this.spaces = spaces;
    }

    /** @throws nl.tafel.meetings.MeetingNotFoundException when the person cannot see the meeting */
    public Context of(MeetingId id) {
        MeetingDetails meeting = meetings.get(id);
        PersonId me = CurrentUser.requirePersonId();
        boolean invited = invitations.invitedMembers(id).stream().anyMatch(i -> i.personId().equals(me));
        boolean manager = spaces.get(meeting.spaceId()).canManage();
        return new Context(meeting, me, invited, manager, me.equals(meeting.chair()));
    }

    /** @throws TafelException when the person is neither invited nor a manager of the space */
    public Context requirePrepare(MeetingId id) {
        Context context = of(id);
        if (!context.mayPrepare()) {
            throw new TafelException("review.error.notInvited");
        }
        return context;
    }
}
