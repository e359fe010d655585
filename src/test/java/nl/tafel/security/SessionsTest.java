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

    private MockHttpSession signedInSession(String email) {
        MockHttpSession session = new MockHttpSession(null, UUID.randomUUID().toString());
        sessions.sessionCreated(new HttpSessionEvent(session));
        registry.registerNewSession(session.getId(), users.loadUserByUsername(email));
        return session;
    }
}
