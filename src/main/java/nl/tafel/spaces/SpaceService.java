package nl.tafel.spaces;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.tafel.members.PeopleDirectory;
import nl.tafel.members.PersonName;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.spaces.internal.DocumentEntity;
import nl.tafel.spaces.internal.DocumentRepository;
import nl.tafel.spaces.internal.FolderEntity;
import nl.tafel.spaces.internal.FolderRepository;
import nl.tafel.spaces.internal.SpaceAccess;
import nl.tafel.spaces.internal.SpaceEntity;
import nl.tafel.spaces.internal.SpaceMemberEntity;
import nl.tafel.spaces.internal.SpaceMemberRepository;
import nl.tafel.spaces.internal.SpaceRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spaces and who is in them. Every method checks the caller's role in the space it touches. */
@Service
@PreAuthorize("isAuthenticated()")
public class SpaceService {

    static final int NAME_LENGTH = 120;
    static final int DESCRIPTION_LENGTH = 2000;

    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final FolderRepository folders;
    private final DocumentRepository documents;
    private final SpaceAccess access;
    private final PeopleDirectory people;
    private final Clock clock;

    SpaceService(SpaceRepository spaces, SpaceMemberRepository members, FolderRepository folders,
            DocumentRepository documents, SpaceAccess access, PeopleDirectory people, Clock clock) {
        this.spaces = spaces;
        this.members = members;
        this.folders = folders;
        this.documents = documents;
        this.access = access;
        this.people = people;
        this.clock = clock;
    }

    /** Whether the signed-in person may create spaces (administrators and secretaries). */
    public boolean maySetUpSpaces() {
        return SpaceAccess.maySetUpSpaces();
    }

    /** The person's spaces (for administrators: every space), active ones first, with what changed since a visit. */
    @Transactional(readOnly = true)
    public List<SpaceSummary> mySpaces() {
        PersonId me = CurrentUser.requirePersonId();
        Map<java.util.UUID, SpaceMemberEntity> mine = members.findByPerson(me.value()).stream()
                .collect(Collectors.toMap(m -> m.spaceId().value(), m -> m));
        boolean admin = SpaceAccess.isAdministrator();
        List<SpaceSummary> result = new ArrayList<>();
        for (SpaceEntity space : spaces.findAllOrdered()) {
            SpaceMemberEntity membership = mine.get(space.getId());
            if (membership == null && !admin) {
                continue;
            }
            SpaceRole role = admin ? SpaceRole.MANAGER : membership.getRole();
            @Nullable Instant lastVisit = membership == null ? null : membership.getLastVisitAt();
            Instant since = lastVisit == null ? Instant.EPOCH : lastVisit;
            long changed = documents.countChangedSince(space.getId(), since, me.value());
            List<String> recent = changed == 0 ? List.of()
                    : documents.findChangedSince(space.getId(), since, me.value(), PageRequest.of(0, 3)).stream()
                            .map(DocumentEntity::getName).toList();
            result.add(new SpaceSummary(space.spaceId(), space.getName(), space.getDescription(), space.isArchived(),
                    role, members.countBySpace(space.getId()), changed, recent, lastVisit));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public SpaceDetails get(SpaceId id) {
        SpaceRole role = access.require(id, SpaceRole.READER);
        SpaceEntity space = spaces.findById(id.value()).orElseThrow(SpaceNotFoundException::new);
        return details(space, role);
    }

    /** Creates a space with its root folder; the creator becomes its manager. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'SECRETARY')")
    public SpaceId create(String name, @Nullable String description) {
        PersonId me = CurrentUser.requirePersonId();
        String checked = spaceName(name);
        if (spaces.existsByNameIgnoreCase(checked)) {
            throw new FieldException("name", "spaces.error.nameTaken");
        }
        Instant now = clock.instant();
        SpaceEntity space = spaces.save(new SpaceEntity(checked,
                Texts.plainText("description", description, DESCRIPTION_LENGTH), me, now));
        folders.save(FolderEntity.root(space.spaceId(), me, now));
        members.save(new SpaceMemberEntity(space.spaceId(), me, SpaceRole.MANAGER, now));
        return space.spaceId();
    }

    /** Renames a space and changes its description; a stale {@code version} is refused. */
    @Transactional
    public void update(SpaceId id, String name, @Nullable String description, long version) {
        access.require(id, SpaceRole.MANAGER);
        SpaceEntity space = spaces.findById(id.value()).orElseThrow(SpaceNotFoundException::new);
        if (space.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        String checked = spaceName(name);
        if (spaces.existsByNameIgnoreCaseAndIdNot(checked, id.value())) {
            throw new FieldException("name", "spaces.error.nameTaken");
        }
        space.setName(checked);
        space.setDescription(Texts.plainText("description", description, DESCRIPTION_LENGTH));
    }

    /** Archives a space (read-only for everyone, kept for reference) or brings it back. */
    @Transactional
    public void setArchived(SpaceId id, boolean archived) {
        access.require(id, SpaceRole.MANAGER);
        spaces.findById(id.value()).orElseThrow(SpaceNotFoundException::new).setArchived(archived);
    }

    @Transactional(readOnly = true)
    public List<SpaceMember> members(SpaceId id) {
        access.require(id, SpaceRole.READER);
        List<SpaceMemberEntity> list = members.findBySpace(id.value());
        List<PersonId> ids = list.stream().map(SpaceMemberEntity::personId).toList();
        Map<PersonId, PersonName> names = people.names(ids);
        // addresses only as the directory allows (issue 18): hidden ones stay hidden from space-mates
        Map<PersonId, String> emails = people.visibleEmails(ids);
        return list.stream()
                .filter(m -> names.containsKey(m.personId()))
                .map(m -> {
                    PersonName name = names.get(m.personId());
                    return new SpaceMember(m.personId(), name.fullName(), emails.get(m.personId()), m.getRole());
                })
                .sorted(Comparator.comparing(SpaceMember::role).reversed().thenComparing(SpaceMember::name))
                .toList();
    }

    /**
     * People who could be added to the space, with their e-mail address only where the directory lets the manager see
     * it (otherwise an empty address).
     */
    @Transactional(readOnly = true)
    public List<PersonName> candidates(SpaceId id) {
        access.require(id, SpaceRole.MANAGER);
        Set<PersonId> current = members.findBySpace(id.value()).stream().map(SpaceMemberEntity::personId)
                .collect(Collectors.toSet());
        List<PersonName> candidates = people.activePeople().stream().filter(p -> !current.contains(p.id()))
                .toList();
        Map<PersonId, String> emails = people.visibleEmails(candidates.stream().map(PersonName::id).toList());
        return candidates.stream()
                .map(p -> new PersonName(p.id(), p.fullName(), emails.getOrDefault(p.id(), ""), p.active()))
                .toList();
    }

    /** Adds a person to the space or changes their role. A space always keeps at least one manager. */
    @Transactional
    public void setMember(SpaceId id, PersonId person, SpaceRole role) {
        access.require(id, SpaceRole.MANAGER);
        spaces.lock(id.value()).orElseThrow(SpaceNotFoundException::new);
        if (people.find(person).filter(PersonName::active).isEmpty()) {
            throw new TafelException("spaces.error.unknownPerson");
        }
        Optional<SpaceMemberEntity> existing = members.findById(SpaceMemberEntity.Key.of(id, person));
        if (existing.isPresent()) {
            if (existing.get().getRole() == SpaceRole.MANAGER && role != SpaceRole.MANAGER) {
                requireAnotherManager(id, person);
            }
            existing.get().setRole(role);
        } else {
            members.save(new SpaceMemberEntity(id, person, role, clock.instant()));
        }
    }

    @Transactional
    public void removeMember(SpaceId id, PersonId person) {
        access.require(id, SpaceRole.MANAGER);
        spaces.lock(id.value()).orElseThrow(SpaceNotFoundException::new);
        members.findById(SpaceMemberEntity.Key.of(id, person)).ifPresent(member -> {
            if (member.getRole() == SpaceRole.MANAGER) {
                requireAnotherManager(id, person);
            }
            members.delete(member);
        });
    }

    /** Notes that the person looked at the space now: the overview counts changes from here. */
    @Transactional
    public void markVisited(SpaceId id) {
        access.require(id, SpaceRole.READER);
        members.findById(SpaceMemberEntity.Key.of(id, CurrentUser.requirePersonId()))
                .ifPresent(m -> m.setLastVisitAt(clock.instant()));
    }

    private void requireAnotherManager(SpaceId id, PersonId leaving) {
        boolean another = members.findBySpace(id.value()).stream()
                .anyMatch(m -> m.getRole() == SpaceRole.MANAGER && !m.personId().equals(leaving));
        if (!another) {
            throw new TafelException("spaces.error.lastManager");
        }
    }

    private SpaceDetails details(SpaceEntity space, SpaceRole role) {
        FolderEntity root = folders.findRoot(space.getId()).orElseThrow(SpaceNotFoundException::new);
        return new SpaceDetails(space.spaceId(), space.getName(), space.getDescription(), space.isArchived(), role,
                root.folderId(), space.getVersion());
    }

    private static String spaceName(String name) {
        String checked = Texts.name("name", name, NAME_LENGTH);
        // A space becomes a folder in SharePoint: the same rules as for any folder name.
        DocumentNames.check(checked).ifPresent(problem -> {
            throw new NameException(problem);
        });
        return checked;
    }
}
