package nl.tafel.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSessionEvent;
import java.util.Locale;
import java.util.UUID;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.members.AppRole;
import nl.tafel.members.PersonDetails;
import nl.tafel.members.PersonDraft;
import nl.tafel.members.PersonService;
import nl.tafel.security.internal.ActiveSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** Deactivating a person ends their open sessions at once, and no one else's. */
@TafelTest
class SessionsTest {

    @Autowired
    PersonService people;
    @Autowired
    ActiveSessions sessions;
    @Autowired
    SessionRegistry registry;
    @Autowired
    UserDetailsService users;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.springframework.security.web.session.HttpSessionEventPublisher publisher;
    @Autowired
    jakarta.servlet.ServletContext servletContext;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void deactivationEndsTheirSessionsNow() {
        PersonDetails leaving = people.create(new PersonDraft("Vertrekkend Lid",
                "vertrek-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl", null, null, null,
                AppRole.MEMBER, Locale.of("nl")));
        jdbc.update("update person set password_hash = ?, status = 'ACTIVE' where id = ?",
                encoder.encode("Een-wachtwoord-9"), leaving.id().value());

        MockHttpSession laptop = signedInSession(leaving.email());
        MockHttpSession tablet = signedInSession(leaving.email());
        MockHttpSession someoneElse = signedInSession(TestAccounts.MEMBER);

        people.deactivate(leaving.id());

        assertThat(laptop.isInvalid()).isTrue();
        assertThat(tablet.isInvalid()).isTrue();
        assertThat(someoneElse.isInvalid()).isFalse();
        assertThat(registry.getAllSessions(users.loadUserByUsername(leaving.email()), true)).isEmpty();
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void aNewRoleEndsTheSessionsThatCarryTheOldOne() {
        PersonDetails promoted = people.create(new PersonDraft("Wordt Secretaris",
                "rol-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl", null, null, null,
                AppRole.MEMBER, Locale.of("nl")));
        MockHttpSession session = signedInSession(promoted.email());
        people.update(promoted.id(), promoted.version(), new PersonDraft(promoted.fullName(), promoted.email(),
                null, null, null, AppRole.SECRETARY, Locale.of("nl")));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void anEndedSessionLeavesTheRegistry() {
        MockHttpSession session = signedInSession(TestAccounts.MEMBER);
        assertThat(registry.getSessionInformation(session.getId())).isNotNull();
        session.invalidate();
        publisher.sessionDestroyed(new HttpSessionEvent(session));
        assertThat(registry.getSessionInformation(session.getId())).isNull();
    }

    private MockHttpSession signedInSession(String email) {
        MockHttpSession session = new MockHttpSession(servletContext, UUID.randomUUID().toString());
        sessions.sessionCreated(new HttpSessionEvent(session));
        registry.registerNewSession(session.getId(), users.loadUserByUsername(email));
        return session;
    }
}
