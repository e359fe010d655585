package nl.tafel.actions;

import java.util.List;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.SpaceId;

/** People became owners of an action (when it was agreed, or added later); {@code by} made the change. */
public record ActionAssigned(ActionId actionId, String number, SpaceId spaceId, String description,
        List<PersonId> owners, PersonId by) {
}
