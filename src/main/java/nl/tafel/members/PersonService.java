package nl.tafel.members;

import java.time.Clock;
import java.util.Locale;
import nl.tafel.members.internal.OrganisationEntity;
import nl.tafel.members.internal.OrganisationRepository;
import nl.tafel.members.internal.PersonEntity;
import nl.tafel.members.internal.PersonRepository;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.EmailAddress;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators manage people: add, change, deactivate and reactivate them. */
@Service
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class PersonService {

    private final PersonRepository people;
    private final OrganisationRepository organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonService(PersonRepository people, OrganisationRepository organisations, ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<PersonDetails> search(String text, Pageable page) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return people.search(needle, page).map(PersonService::details);
    }

    @Transactional(readOnly = true)
    public PersonDetails get(PersonId id) {
        return details(find(id));
    }

    /** Adds a person in the "invited" state; they get an activation mail to set their password. */
    @Transactional
    public PersonDetails create(PersonDraft draft) {
        EmailAddress email = EmailAddress.parse(draft.email());
        if (people.existsByEmail(email.value())) {
            throw new FieldException("email", "validation.email.taken");
        }
        PersonEntity person = new PersonEntity(email.value(), Texts.name("fullName", draft.fullName(), 200),
                draft.role(), TafelI18NProvider.supported(draft.locale()), clock.instant());
        apply(person, draft);
        people.saveAndFlush(person);
        events.publishEvent(new PersonInvited(person.personId(), person.getEmail(), person.getFullName(),
                person.getLocale()));
        return details(person);
    }

    @Transactional
    public PersonDetails update(PersonId id, long expectedVersion, PersonDraft draft) {
        PersonEntity person = find(id);
        if (person.getVersion() != expectedVersion) {
            throw new ConcurrentEditException();
        }
        EmailAddress email = EmailAddress.parse(draft.email());
        if (people.existsByEmailAndIdNot(email.value(), id.value())) {
            throw new FieldException("email", "validation.email.taken");
        }
        if (isMe(id) && draft.role() != AppRole.ADMINISTRATOR) {
            throw new FieldException("role", "members.error.ownRole");
        }
        if (person.getRole() == AppRole.ADMINISTRATOR && draft.role() != AppRole.ADMINISTRATOR) {
            keepAnAdministratorBesides(person);
        }
        boolean accessChanged = person.getRole() != draft.role() || !person.getEmail().equals(email.value());
        String previousEmail = person.getEmail();
        person.setEmail(email.value());
        person.setFullName(Texts.name("fullName", draft.fullName(), 200));
        person.setRole(draft.role());
        person.setLocale(TafelI18NProvider.supported(draft.locale()));
        apply(person, draft);
        people.saveAndFlush(person);
        if (accessChanged) {
            events.publishEvent(new PersonAccessChanged(person.personId(), previousEmail));
        }
        return details(person);
    }

    /** Ends the person's access at once: they cannot sign in and their open sessions end. */
    @Transactional
    public PersonDetails deactivate(PersonId id) {
        PersonEntity person = find(id);
        if (isMe(id)) {
            throw new TafelException("members.error.deactivateSelf");
        }
        if (person.getStatus() == PersonStatus.DEACTIVATED) {
            return details(person);
        }
        if (person.getRole() == AppRole.ADMINISTRATOR) {
            keepAnAdministratorBesides(person);
        }
        person.deactivate(clock.instant());
        people.saveAndFlush(person);
        events.publishEvent(new PersonDeactivated(person.personId(), person.getEmail()));
        return details(person);
    }

    @Transactional
    public PersonDetails reactivate(PersonId id) {
        PersonEntity person = find(id);
        person.reactivate();
        people.saveAndFlush(person);
        return details(person);
    }

    /** Sends a new activation link to a person who has not set a password yet. */
    @Transactional
    public void resendActivation(PersonId id) {
        PersonEntity person = find(id);
        if (person.getStatus() != PersonStatus.INVITED) {
            throw new TafelException("members.error.alreadyActive");
        }
        events.publishEvent(new PersonInvited(person.personId(), person.getEmail(), person.getFullName(),
                person.getLocale()));
    }

    /** Two administrators removing each other at once must still leave one: the check locks their rows. */
    private void keepAnAdministratorBesides(PersonEntity person) {
        boolean another = people.lockActiveAdministrators().stream()
                .anyMatch(admin -> !admin.personId().equals(person.personId()));
        if (!another) {
            throw new TafelException("members.error.lastAdministrator");
        }
    }

    private void apply(PersonEntity person, PersonDraft draft) {
        person.setFunction(Texts.optional("function", draft.function(), 200));
        person.setPhone(phone(draft.phone()));
        person.setOrganisation(organisation(draft.organisationId()));
    }

    private @Nullable OrganisationEntity organisation(@Nullable Long id) {
        if (id == null) {
            return null;
        }
        return organisations.findById(id)
                .orElseThrow(() -> new FieldException("organisation", "members.error.organisationGone"));
    }

    static @Nullable String phone(@Nullable String raw) {
        String phone = Texts.optional("phone", raw, 40);
        if (phone != null && !phone.matches("[+0-9 ()\\-./]{6,40}")) {
            throw new FieldException("phone", "validation.phone");
        }
        return phone;
    }

    private PersonEntity find(PersonId id) {
        return people.findById(id.value()).orElseThrow(() -> new TafelException("members.error.personGone"));
    }

    private static boolean isMe(PersonId id) {
        return CurrentUser.get().map(me -> me.personId().equals(id)).orElse(false);
    }

    static PersonDetails details(PersonEntity p) {
        OrganisationEntity org = p.getOrganisation();
        return new PersonDetails(p.personId(), p.getFullName(), p.getEmail(), org == null ? null : org.id(),
                org == null ? null : org.getName(), p.getFunction(), p.getPhone(), p.getRole(), p.getStatus(),
                p.getLocale(), p.getVersion());
    }
}
