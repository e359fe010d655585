package nl.tafel.members;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.tafel.members.internal.PersonEntity;
import nl.tafel.members.internal.PersonRepository;
import nl.tafel.shared.PersonId;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Names of people for other modules: who uploaded a file, who sits in a space, whom to add. */
@Service
@PreAuthorize("isAuthenticated()")
public class PeopleDirectory {

    private final PersonRepository people;
    private final DirectoryService directory;

    PeopleDirectory(PersonRepository people, @org.springframework.context.annotation.Lazy DirectoryService directory) {
        this.people = people;
        this.directory = directory;
    }

    /**
     * The e-mail addresses of these people that the signed-in person may see (the directory's visibility: the person
     * themselves and administrators see hidden ones); for showing people in lists and pickers.
     */
    public Map<PersonId, String> visibleEmails(Collection<PersonId> ids) {
        return directory.visibleEmails(ids);
    }

    /** Names by id; ids of people who no longer exist are left out. */
    @Transactional(readOnly = true)
    public Map<PersonId, PersonName> names(Collection<PersonId> ids) {
        Map<PersonId, PersonName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        people.findAllById(ids.stream().map(PersonId::value).distinct().toList())
                .forEach(p -> names.put(p.personId(), name(p)));
        // work done by Tafel itself or by the SharePoint sync is shown under those names
        if (ids.contains(nl.tafel.shared.CurrentUser.SYSTEM)) {
            names.put(nl.tafel.shared.CurrentUser.SYSTEM, new PersonName(nl.tafel.shared.CurrentUser.SYSTEM,
                    "Tafel", "system@tafel.invalid", true));
        }
        if (ids.contains(nl.tafel.shared.CurrentUser.SHAREPOINT)) {
            names.put(nl.tafel.shared.CurrentUser.SHAREPOINT, new PersonName(nl.tafel.shared.CurrentUser.SHAREPOINT,
                    "SharePoint", "sharepoint@tafel.invalid", true));
        }
        return names;
    }

    @Transactional(readOnly = true)
    public Optional<PersonName> find(PersonId id) {
        return people.findById(id.value()).map(PeopleDirectory::name);
    }

    /** Everyone who can sign in or has been invited, by name: the choice when adding someone to a space. */
    @Transactional(readOnly = true)
    public List<PersonName> activePeople() {
        return people.findAll(Sort.by("fullName")).stream()
                .filter(p -> p.getStatus() != PersonStatus.DEACTIVATED)
                .map(PeopleDirectory::name)
                .toList();
    }

    private static PersonName name(PersonEntity p) {
        return new PersonName(p.personId(), p.getFullName(), p.getEmail(),
                p.getStatus() != PersonStatus.DEACTIVATED);
    }
}
