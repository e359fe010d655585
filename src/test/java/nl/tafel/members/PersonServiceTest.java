package nl.tafel.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@TafelTest
class PersonServiceTest {

    @Autowired
    PersonService people;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    OrganisationService organisations;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
    }

    private static PersonDraft draft(String name, String email) {
        return new PersonDraft(name, email, null, "Bestuurslid", "06 12345678", AppRole.MEMBER, Locale.of("nl"));
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void anAddedPersonIsInvitedAndCannotSignInWithAPasswordYet() {
        String email = unique("nieuw");
        PersonDetails created = people.create(draft("  Nieuw Lid ", email.toUpperCase(Locale.ROOT)));

        assertThat(created.fullName()).isEqualTo("Nieuw Lid");
        assertThat(created.email()).isEqualTo(email);
        assertThat(created.status()).isEqualTo(PersonStatus.INVITED);
        Account account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.passwordHash()).isNull();
        assertThat(people.search("nieuw lid", PageRequest.of(0, 50)).map(PersonDetails::email))
                .contains(email);
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void aDuplicateEmailIsAFieldErrorWhateverItsCase() {
        assertThatThrownBy(() -> people.create(draft("Dubbel", TestAccounts.MEMBER.toUpperCase(Locale.ROOT))))
                .isInstanceOfSatisfying(FieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.messageKey()).isEqualTo("validation.email.taken");
                });
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void badInputIsRefusedPerField() {
        assertThatThrownBy(() -> people.create(draft("Iemand", "geen-adres")))
                .isInstanceOfSatisfying(FieldException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.email.invalid"));
        assertThatThrownBy(() -> people.create(draft("   ", unique("leeg"))))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("fullName"));
        assertThatThrownBy(() -> people.create(draft("<script>alert(1)</script>", unique("html"))))
                .isInstanceOfSatisfying(FieldException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.noAngleBrackets"));
        assertThatThrownBy(() -> people.create(draft("x".repeat(201), unique("lang"))))
                .isInstanceOfSatisfying(FieldException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.tooLong"));
        assertThatThrownBy(() -> people.create(new PersonDraft("Telefoon", unique("tel"), null, null,
                "bel me maar", AppRole.MEMBER, Locale.of("nl"))))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void aStaleSaveIsRefusedAndTheFirstSaveSurvives() {
        PersonDetails created = people.create(draft("Eerste Versie", unique("versie")));
        PersonDetails first = people.update(created.id(), created.version(),
                new PersonDraft("Door Secretaris", created.email(), null, null, null, AppRole.MEMBER,
                        Locale.of("nl")));

        assertThatThrownBy(() -> people.update(created.id(), created.version(),
                new PersonDraft("Door Voorzitter", created.email(), null, null, null, AppRole.MEMBER,
                        Locale.of("nl"))))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(people.get(created.id()).fullName()).isEqualTo("Door Secretaris");
        assertThat(people.get(created.id()).version()).isEqualTo(first.version());
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void anAdministratorCannotLockThemselvesOut() {
        PersonDetails me = people.search("admin@test.example", PageRequest.of(0, 5)).getContent().getFirst();
        assertThatThrownBy(() -> people.deactivate(me.id())).isInstanceOf(TafelException.class)
                .hasMessageContaining("members.error.deactivateSelf");
        assertThatThrownBy(() -> people.update(me.id(), me.version(), new PersonDraft(me.fullName(), me.email(),
                null, null, null, AppRole.MEMBER, Locale.of("nl"))))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("role"));
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void theLastOtherAdministratorCannotBeRemovedButOneOfTwoCan() {
        PersonDetails second = people.create(new PersonDraft("Tweede Beheerder", unique("beheer"), null, null,
                null, AppRole.ADMINISTRATOR, Locale.of("nl")));
        long admins = people.search("", PageRequest.of(0, 500)).stream()
                .filter(p -> p.role() == AppRole.ADMINISTRATOR && p.status() != PersonStatus.DEACTIVATED).count();
        assertThat(admins).isGreaterThanOrEqualTo(2);
        assertThat(people.deactivate(second.id()).status()).isEqualTo(PersonStatus.DEACTIVATED);
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    @org.springframework.transaction.annotation.Transactional // rolled back: other tests keep their administrators
    void theOnlyActiveAdministratorCannotBeDeactivatedOrDemoted() {
        PersonDetails last = people.create(new PersonDraft("Laatste Beheerder", unique("laatste"), null, null,
                null, AppRole.ADMINISTRATOR, Locale.of("nl")));
        jdbc.update("update person set status = 'DEACTIVATED' where app_role = 'ADMINISTRATOR' and id <> ?",
                last.id().value());
        assertThatThrownBy(() -> people.deactivate(last.id())).isInstanceOf(TafelException.class)
                .hasMessageContaining("members.error.lastAdministrator");
        assertThatThrownBy(() -> people.update(last.id(), last.version(), new PersonDraft(last.fullName(),
                last.email(), null, null, null, AppRole.MEMBER, Locale.of("nl"))))
                .isInstanceOf(TafelException.class).hasMessageContaining("members.error.lastAdministrator");
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void deactivatingAndReactivating() {
        PersonDetails created = people.create(draft("Tijdelijk", unique("tijdelijk")));
        assertThat(people.deactivate(created.id()).status()).isEqualTo(PersonStatus.DEACTIVATED);
        assertThat(accounts.findByEmail(created.email()).orElseThrow().canSignIn()).isFalse();
        assertThat(people.reactivate(created.id()).status()).isEqualTo(PersonStatus.INVITED);
    }

    @Test
    @WithUserDetails(TestAccounts.MEMBER)
    void membersCannotManagePeopleEvenWithoutTheUi() {
        assertThatThrownBy(() -> people.search("", PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.create(draft("Stiekem", unique("stiekem"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> organisations.create("Stiekeme Club", null, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(TestAccounts.SECRETARY)
    void secretariesDoNotManageAccountsEither() {
        assertThatThrownBy(() -> people.search("", PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodySignedInGetsNothing() {
        assertThatThrownBy(() -> people.search("", PageRequest.of(0, 10)))
                .isInstanceOf(org.springframework.security.authentication
                        .AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void organisationsWithPeopleCannotBeDeleted() {
        OrganisationDetails club = organisations.create("Club " + UUID.randomUUID(), "Een club",
                "https://club.example.nl");
        PersonDetails member = people.create(new PersonDraft("Clublid", unique("club"), club.id(), null, null,
                AppRole.MEMBER, Locale.of("nl")));
        assertThat(member.organisationName()).isEqualTo(club.name());
        assertThatThrownBy(() -> organisations.delete(club.id())).isInstanceOf(TafelException.class)
                .hasMessageContaining("members.error.organisationInUse");
        assertThatThrownBy(() -> organisations.create(club.name().toUpperCase(Locale.ROOT), null, null))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> organisations.create("Geen Site", null, "javascript:alert(1)"))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("website"));
    }
}
