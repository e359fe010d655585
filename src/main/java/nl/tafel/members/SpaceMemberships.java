package nl.tafel.members;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import nl.tafel.shared.PersonId;

/**
 * What the directory needs to know about spaces, answered by the spaces module (which may use members; members may
 * not use spaces). Archived spaces do not count.
 */
public interface SpaceMemberships {

    /** Everyone who shares at least one space with this person (not the person themselves). */
    Set<PersonId> spaceMates(PersonId person);

    /** The spaces in which at least one of these people is a member, by name. */
    List<SpaceRef> spacesOf(Collection<PersonId> people);

    /** A space as the directory shows it, with a link to it and whether the viewer is a member of it. */
    record SpaceRef(String id, String name, String path, Set<PersonId> members) {
    }
}
