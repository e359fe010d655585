package nl.tafel.meetings.internal;

import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.members.AppRole;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.springframework.stereotype.Component;

/**
 * Who may see and plan meetings: every member of the space sees published meetings; the space's managers and the
 * association's secretaries (when they are in the space) plan them and also see concepts. For anyone else a concept
 * does not exist.
 */
@Component
public class MeetingAccess {

    private final SpaceService spaces;

    MeetingAccess(SpaceService spaces) {
        this.spaces = spaces;
    }

    /** The space as the person sees it; a space they are not in is "not found". */
    public SpaceDetails space(SpaceId id) {
        try {
            return spaces.get(id);
        } catch (SpaceNotFoundException e) {
            throw new MeetingNotFoundException();
        }
    }

    public boolean canPlan(SpaceDetails space) {
        return space.myRole() == SpaceRole.MANAGER || (isSecretary() && !space.archived());
    }

    /** Checks that the person may see this meeting at all. */
    public SpaceDetails requireVisible(MeetingEntity meeting) {
        SpaceDetails space = space(meeting.spaceId());
        if (meeting.getStatus() == MeetingStatus.CONCEPT && !canPlan(space)) {
            throw new MeetingNotFoundException();
        }
        return space;
    }

    /** Checks that the person may change this meeting and its agenda. */
    public SpaceDetails requirePlanner(MeetingEntity meeting) {
        SpaceDetails space = requireVisible(meeting);
        if (!canPlan(space)) {
            throw new TafelException("meetings.error.notPlanner");
        }
        if (space.archived()) {
            throw new TafelException("spaces.error.archived");
        }
        return space;
    }

    private static boolean isSecretary() {
        return CurrentUser.hasAnyRole(AppRole.Names.SECRETARY, AppRole.Names.ADMINISTRATOR);
    }
}
