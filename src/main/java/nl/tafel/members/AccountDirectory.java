package nl.tafel.members;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import nl.tafel.members.internal.PersonEntity;
import nl.tafel.members.internal.PersonRepository;
import nl.tafel.shared.EmailAddress;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts for the sign-in (used by the security module before anyone is signed in), and the creation of the very
 * first administrator on an empty database.
 */
@Service
public class AccountDirectory {

    private final PersonRepository people;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String adminFromEnvironment;

    AccountDirectory(PersonRepository people, PasswordEncoder passwordEncoder, Clock clock,
            @Value("${tafel.admin.email:}") String adminFromEnvironment) {
        this.people = people;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.adminFromEnvironment = adminFromEnvironment;
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByEmail(String email) {
        if (email == null || !EmailAddress.isValid(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return people.findByEmail(email.strip().toLowerCase(Locale.ROOT)).map(AccountDirectory::account);
    }

    /** The account of a person, for work done on their behalf outside a request (such as rebuilding a pack). */
    @Transactional(readOnly = true)
    public Optional<Account> findById(nl.tafel.shared.PersonId id) {
        return people.findById(id.value()).map(AccountDirectory::account);
    }

    /** The active administrators, for alerts such as a stopped SharePoint sync. */
    @Transactional(readOnly = true)
    public java.util.List<Account> administrators() {
        return people.findActiveAdministrators().stream().map(AccountDirectory::account).toList();
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return people.count() == 0;
    }

    /** Whether a visitor may create the first administrator: only on an empty database not set up by environment. */
    @Transactional(readOnly = true)
    public boolean awaitsFirstAdministrator() {
        return adminFromEnvironment.isBlank() && isEmpty();
    }

    /**
     * Creates the first administrator, active at once. Refused as soon as anyone exists, so this cannot be used to
     * take over a running installation.
     */
    @Transactional(isolation = Isolation.SERIALIZABLE)
    public Account createFirstAdministrator(String fullName, String email, String password, Locale locale) {
        if (people.count() > 0) {
            throw new TafelException("setup.error.alreadyDone");
        }
        EmailAddress address = EmailAddress.parse(email);
        PersonEntity admin = new PersonEntity(address.value(), Texts.name("fullName", fullName, 200),
                AppRole.ADMINISTRATOR, TafelI18NProvider.supported(locale), clock.instant());
        admin.setPassword(passwordEncoder.encode(Passwords.check("password", password)), clock.instant());
        try {
            people.saveAndFlush(admin);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new FieldException("email", "validation.email.taken");
        }
        return account(admin);
    }

    private static Account account(PersonEntity p) {
        return new Account(p.personId(), p.getEmail(), p.getFullName(), p.getPasswordHash(), p.getRole(),
                p.getStatus(), p.getLocale());
    }
}
