package nl.tafel.members;

import java.util.List;
import nl.tafel.members.internal.GroupEntity;
import nl.tafel.members.internal.GroupMembershipEntity;
import nl.tafel.members.internal.GroupRepository;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Boards and groups: each person sees the groups they sit in. */
@Service
@PreAuthorize("isAuthenticated()")
public class GroupService {

    private final GroupRepository groups;

    GroupService(GroupRepository groups) {
        this.groups = groups;
    }

    /** The groups the signed-in person belongs to, with their part in each. */
    @Transactional(readOnly = true)
    public List<GroupSummary> myGroups() {
        PersonId me = CurrentUser.requirePersonId();
        return groups.findAllWithMembers().stream()
                .map(g -> summary(g, me))
                .filter(g -> g.myRole() != null)
                .toList();
    }

    private static GroupSummary summary(GroupEntity group, PersonId me) {
        @Nullable GroupRole mine = null;
        for (GroupMembershipEntity m : group.getMemberships()) {
            if (m.getPerson() != null && me.equals(m.getPerson().personId())) {
                mine = m.getRole();
            }
        }
        return new GroupSummary(group.id(), group.getName(), group.getKind(), group.getDescription(),
                group.getMemberships().size(), mine);
    }
}
