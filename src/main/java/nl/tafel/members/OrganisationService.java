package nl.tafel.members;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.tafel.members.internal.OrganisationEntity;
import nl.tafel.members.internal.OrganisationRepository;
import nl.tafel.members.internal.PersonRepository;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations (koepels) that people belong to. Everyone signed in may list them; administrators manage them. */
@Service
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final PersonRepository people;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, PersonRepository people, Clock clock) {
        this.organisations = organisations;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<OrganisationDetails> list() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : organisations.countPeoplePerOrganisation()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return organisations.findAllByOrderByNameAsc().stream()
                .map(o -> details(o, counts.getOrDefault(o.id(), 0L)))
                .toList();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public OrganisationDetails create(String name, @Nullable String description, @Nullable String website) {
        String clean = Texts.name("name", name, 200);
        if (organisations.existsByNameIgnoreCase(clean)) {
            throw new FieldException("name", "members.error.organisationNameTaken");
        }
        OrganisationEntity org = new OrganisationEntity(clean, clock.instant());
        org.setDescription(Texts.optional("description", description, 2000));
        org.setWebsite(website(website));
        organisations.saveAndFlush(org);
        return details(org, 0);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public OrganisationDetails update(long id, long expectedVersion, String name, @Nullable String description,
            @Nullable String website) {
        OrganisationEntity org = organisations.findById(id)
                .orElseThrow(() -> new TafelException("members.error.organisationGone"));
        if (org.getVersion() != expectedVersion) {
            throw new ConcurrentEditException();
        }
        String clean = Texts.name("name", name, 200);
        if (organisations.existsByNameIgnoreCaseAndIdNot(clean, id)) {
            throw new FieldException("name", "members.error.organisationNameTaken");
        }
        org.setName(clean);
        org.setDescription(Texts.optional("description", description, 2000));
        org.setWebsite(website(website));
        organisations.saveAndFlush(org);
        return details(org, people.countByOrganisationId(id));
    }

    /** Removes an organisation nobody belongs to; one with people is refused, so no link is silently lost. */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public void delete(long id) {
        long count = people.countByOrganisationId(id);
        if (count > 0) {
            throw new TafelException("members.error.organisationInUse", count);
        }
        organisations.deleteById(id);
    }

    private static @Nullable String website(@Nullable String raw) {
        String url = Texts.optional("website", raw, 500);
        if (url != null && !url.matches("(?i)https?://[^\\s<>\"]+\\.[^\\s<>\"]+")) {
            throw new FieldException("website", "validation.url");
        }
        return url;
    }

    private static OrganisationDetails details(OrganisationEntity o, long people) {
        return new OrganisationDetails(o.id(), o.getName(), o.getDescription(), o.getWebsite(), people,
                o.getVersion());
    }
}
