package nl.tafel.spaces.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.tafel.members.SpaceMemberships;
import nl.tafel.shared.PersonId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the member directory who shares a space with whom, and which spaces people take part in. Archived spaces do
 * not count. The directory decides what a viewer may see of it.
 */
@Component
class DirectorySpaces implements SpaceMemberships {

    private final SpaceMemberRepository members;
    private final SpaceRepository spaces;

    DirectorySpaces(SpaceMemberRepository members, SpaceRepository spaces) {
        this.members = members;
        this.spaces = spaces;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<PersonId> spaceMates(PersonId person) {
        Set<UUID> spaceIds = new HashSet<>();
        members.findByPerson(person.value()).forEach(m -> spaceIds.add(m.spaceId().value()));
        Set<UUID> activeIds = active(spaceIds).keySet();
        Set<PersonId> mates = new HashSet<>();
        if (activeIds.isEmpty()) {
            return mates;
        }
        for (SpaceMemberEntity m : members.findBySpaces(activeIds)) {
            mates.add(m.personId());
        }
        mates.remove(person);
        return mates;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SpaceRef> spacesOf(Collection<PersonId> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        Set<UUID> spaceIds = new HashSet<>();
        members.findByPeople(people.stream().map(PersonId::value).toList())
                .forEach(m -> spaceIds.add(m.spaceId().value()));
        Map<UUID, SpaceEntity> active = active(spaceIds);
        if (active.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<PersonId>> membersOf = new HashMap<>();
        for (SpaceMemberEntity m : members.findBySpaces(active.keySet())) {
            membersOf.computeIfAbsent(m.spaceId().value(), k -> new HashSet<>()).add(m.personId());
        }
        return active.values().stream()
                .sorted(Comparator.comparing(SpaceEntity::getName, String.CASE_INSENSITIVE_ORDER))
                .map(s -> new SpaceRef(s.getId().toString(), s.getName(), "ruimtes/" + s.getId(),
                        Set.copyOf(membersOf.getOrDefault(s.getId(), Set.of()))))
                .toList();
    }

    private Map<UUID, SpaceEntity> active(Set<UUID> ids) {
        Map<UUID, SpaceEntity> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        spaces.findAllById(ids).stream().filter(s -> !s.isArchived()).forEach(s -> result.put(s.getId(), s));
        return result;
    }
}
