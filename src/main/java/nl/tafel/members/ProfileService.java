package nl.tafel.members;

import java.time.Clock;
import java.util.Locale;
import nl.tafel.members.internal.OrganisationEntity;
import nl.tafel.members.internal.PersonEntity;
import nl.tafel.members.internal.PersonRepository;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.LanguagePreference;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.Texts;
import nl.tafel.shared.i18n.TafelI18NProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.ott.OneTimeTokenAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What every signed-in person may change about themselves: name, language and password. */
@Service
@PreAuthorize("isAuthenticated()")
public class ProfileService implements LanguagePreference {

    private final PersonRepository people;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProfileService(PersonRepository people, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MyProfile me() {
        return profile(mine());
    }

    @Transactional
    public MyProfile update(long expectedVersion, String fullName, Locale locale) {
        PersonEntity me = mine();
        if (me.getVersion() != expectedVersion) {
            throw new ConcurrentEditException();
        }
        me.setFullName(Texts.name("fullName", fullName, 200));
        me.setLocale(TafelI18NProvider.supported(locale));
        people.saveAndFlush(me);
        return profile(me);
    }

    @Override
    @Transactional
    public void remember(Locale locale) {
        PersonEntity me = mine();
        me.setLocale(TafelI18NProvider.supported(locale));
    }

    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        PersonEntity me = mine();
        String hash = me.getPasswordHash();
        if (hash == null || currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new FieldException("currentPassword", "profile.error.currentPasswordWrong");
        }
        choose(me, newPassword);
    }

    /**
     * Sets a password without the old one. Only allowed in a session that was opened through an e-mailed
     * one-time link (activation or "forgot password"), which proves access to the mailbox.
     */
    @Transactional
    public void setPasswordFromLink(String newPassword) {
        if (!signedInWithLink()) {
            throw new TafelException("profile.error.linkRequired");
        }
        PersonEntity me = mine();
        choose(me, newPassword);
    }

    private void choose(PersonEntity me, String newPassword) {
        me.setPassword(passwordEncoder.encode(Passwords.check("newPassword", newPassword)), clock.instant());
        events.publishEvent(new PasswordChosen(me.personId(), me.getEmail()));
    }

    public boolean signedInWithLink() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof OneTimeTokenAuthentication;
    }

    private PersonEntity mine() {
        return people.findById(CurrentUser.requirePersonId().value())
                .orElseThrow(() -> new TafelException("members.error.personGone"));
    }

    private static MyProfile profile(PersonEntity p) {
        OrganisationEntity org = p.getOrganisation();
        return new MyProfile(p.personId(), p.getFullName(), p.getEmail(), org == null ? null : org.getName(),
                p.getFunction(), p.getRole(), p.getLocale(), p.getVersion());
    }
}
