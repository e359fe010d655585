package nl.tafel.spaces.internal;

import java.util.Optional;
import nl.tafel.members.AppRole;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceRole;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what the signed-in person may do in a space. A space the person is not in does not
 * exist for them (administrators manage every space).
 */
@Component
public class SpaceAccess {

    private final SpaceMemberRepository members;

    SpaceAccess(SpaceMemberRepository members) {
        this.members = members;
    }

    /** The person's role in the space, or empty when they have none. */
    public Optional<SpaceRole> roleOf(SpaceId space) {
        if (isAdministrator()) {
            return Optional.of(SpaceRole.MANAGER);
        }
        PersonId me = CurrentUser.requirePersonId();
        return members.findById(SpaceMemberEntity.Key.of(space, me)).map(SpaceMemberEntity::getRole);
    }

    /**
     * Checks that the signed-in person has at least this role in the space.
     *
     * @throws SpaceNotFoundException when they are not in the space at all
     * @throws TafelException when their role is too low
     */
    public SpaceRole require(SpaceId space, SpaceRole minimum) {
        SpaceRole role = roleOf(space).orElseThrow(SpaceNotFoundException::new);
        if (!role.includes(minimum)) {
            throw new TafelException("spaces.error.role." + minimum.name().toLowerCase(java.util.Locale.ROOT));
        }
        return role;
    }

    public static boolean isAdministrator() {
        return CurrentUser.hasAnyRole(AppRole.Names.ADMINISTRATOR);
    }

    public static boolean maySetUpSpaces() {
        return CurrentUser.hasAnyRole(AppRole.Names.ADMINISTRATOR, AppRole.Names.SECRETARY);
    }
}
