package nl.tafel.spaces;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.members.AccountDirectory;
import nl.tafel.members.PersonName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * E-mail privacy (issue 18): a space's member list and the managers' person picker show addresses only as the
 * directory allows; a hidden address is seen only by the person and administrators. Refused in the service.
 */
@TafelTest
class SpaceMemberEmailsTest {

    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;
    @Autowired
    JdbcTemplate jdbc;

    SpaceFixture space;

    @BeforeEach
    void hideTheReadersAndOutsidersAddresses() {
        space = SpaceFixture.create(as, spaces, accounts);
        jdbc.update("update person set email_visibility = 'HIDDEN' where email in (?, ?)", READER, OUTSIDER);
    }

    @AfterEach
    void restore() {
        jdbc.update("update person set email_visibility = 'SPACE_MEMBERS' where email in (?, ?)", READER, OUTSIDER);
    }

    private String emailOf(String viewer, String person) {
        return as.call(viewer, () -> spaces.members(space.id())).stream()
                .filter(m -> m.personId().equals(SpaceFixture.person(accounts, person))).findFirst().orElseThrow()
                .email();
    }

    @Test
    void aHiddenAddressIsNotInTheMemberListForSpaceMatesOrManagers() {
        assertThat(emailOf(MEMBER, READER)).isNull();
        assertThat(emailOf(SECRETARY, READER)).as("a manager who is no administrator").isNull();
        assertThat(emailOf(READER, READER)).as("the person themselves").isEqualTo(READER);
        assertThat(emailOf(ADMIN, READER)).as("administrators").isEqualTo(READER);
        // an address shared with space members stays visible to them
        assertThat(emailOf(READER, MEMBER)).isEqualTo(MEMBER);
    }

    @Test
    void thePersonPickerShowsOnlyAddressesTheManagerMaySee() {
        PersonName outsider = as.call(SECRETARY, () -> spaces.candidates(space.id())).stream()
                .filter(p -> p.id().equals(SpaceFixture.person(accounts, OUTSIDER))).findFirst().orElseThrow();
        assertThat(outsider.email()).isEmpty();
        assertThat(outsider.fullName()).isEqualTo("Bram Buiten");
    }
}
