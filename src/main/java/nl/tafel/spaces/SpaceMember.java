package nl.tafel.spaces;

import nl.tafel.shared.PersonId;

public record SpaceMember(PersonId personId, String name, String email, SpaceRole role) {
}
