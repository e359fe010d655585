package nl.tafel.spaces;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Spaces and their members on the real database: who sees what, and who may change what. */
@TafelTest
class SpaceServiceTest {

    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;
    @Autowired
    TestClock clock;

    SpaceFixture space;

    @BeforeEach
    void createSpace() {
        space = SpaceFixture.create(as, spaces, accounts);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void membersSeeOnlyTheirOwnSpacesWithTheirRole() {
        assertThat(as.call(READER, spaces::mySpaces)).filteredOn(s -> s.id().equals(space.id()))
                .singleElement().satisfies(s -> {
                    assertThat(s.myRole()).isEqualTo(SpaceRole.READER);
                    assertThat(s.members()).isEqualTo(3);
                });
        assertThat(as.call(OUTSIDER, spaces::mySpaces)).noneMatch(s -> s.id().equals(space.id()));
        assertThat(as.call(ADMIN, spaces::mySpaces)).anyMatch(s -> s.id().equals(space.id())
                && s.myRole() == SpaceRole.MANAGER);
    }

    @Test
    void aSpaceOfWhichYouAreNotAMemberDoesNotExistForYou() {
        assertThatThrownBy(() -> as.run(OUTSIDER, () -> spaces.get(space.id())))
                .isInstanceOf(SpaceNotFoundException.class);
        assertThatThrownBy(() -> as.run(OUTSIDER, () -> documents.folder(space.root())))
                .isInstanceOf(SpaceNotFoundException.class);
        assertThatThrownBy(() -> as.run(OUTSIDER, () -> spaces.members(space.id())))
                .isInstanceOf(SpaceNotFoundException.class);
    }

    @Test
    void onlySecretariesAndAdministratorsCreateSpaces() {
        assertThatThrownBy(() -> as.run(MEMBER, () -> spaces.create("Eigen ruimte", null)))
                .isInstanceOf(AccessDeniedException.class);
        SpaceId byAdmin = as.call(ADMIN, () -> spaces.create("Ruimte van de beheerder " + space.name(), null));
        assertThat(as.call(ADMIN, () -> spaces.members(byAdmin))).singleElement()
                .satisfies(m -> assertThat(m.role()).isEqualTo(SpaceRole.MANAGER));
    }

    @Test
    void spaceNamesAreUniqueAndFollowTheNameRules() {
        assertThatThrownBy(() -> as.run(SECRETARY, () -> spaces.create(space.name().toUpperCase(), null)))
                .isInstanceOf(FieldException.class).extracting("messageKey").isEqualTo("spaces.error.nameTaken");
        assertThatThrownBy(() -> as.run(SECRETARY, () -> spaces.create("Bestuur: 2026", null)))
                .isInstanceOf(NameException.class).extracting("messageKey")
                .isEqualTo("names.forbiddenCharacters");
    }

    @Test
    void htmlInADescriptionIsRefusedAndNothingChanges() {
        long version = as.call(SECRETARY, () -> spaces.get(space.id())).version();
        assertThatThrownBy(() -> as.run(SECRETARY, () -> spaces.update(space.id(), "Nieuwe naam " + space.name(),
                "Zie <script>alert('x')</script>", version)))
                .isInstanceOf(FieldException.class).extracting("messageKey").isEqualTo("validation.noHtml");
        SpaceDetails after = as.call(SECRETARY, () -> spaces.get(space.id()));
        assertThat(after.name()).isEqualTo(space.name());
        assertThat(after.description()).isEqualTo("Voor een test");
        // Ordinary text with a "less than" stays fine.
        as.run(SECRETARY, () -> spaces.update(space.id(), space.name(), "Omzet < 5 mln\nTweede regel", version));
        assertThat(as.call(SECRETARY, () -> spaces.get(space.id())).description())
                .isEqualTo("Omzet < 5 mln\nTweede regel");
    }

    @Test
    void aStaleRenameIsRefused() {
        long version = as.call(SECRETARY, () -> spaces.get(space.id())).version();
        as.run(SECRETARY, () -> spaces.update(space.id(), space.name() + " A", null, version));
        assertThatThrownBy(() -> as.run(SECRETARY, () -> spaces.update(space.id(), space.name() + " B", null,
                version))).isInstanceOf(ConcurrentEditException.class);
        assertThat(as.call(SECRETARY, () -> spaces.get(space.id())).name()).isEqualTo(space.name() + " A");
    }

    @Test
    void onlyManagersManageMembersAndTheLastManagerStays() {
        assertThatThrownBy(() -> as.run(MEMBER, () -> spaces.setMember(space.id(),
                SpaceFixture.person(accounts, OUTSIDER), SpaceRole.READER)))
                .isInstanceOf(TafelException.class).extracting("messageKey")
                .isEqualTo("spaces.error.role.manager");
        assertThatThrownBy(() -> as.run(SECRETARY, () -> spaces.removeMember(space.id(),
                SpaceFixture.person(accounts, SECRETARY))))
                .isInstanceOf(TafelException.class).extracting("messageKey").isEqualTo("spaces.error.lastManager");
        as.run(SECRETARY, () -> spaces.setMember(space.id(), SpaceFixture.person(accounts, MEMBER),
                SpaceRole.MANAGER));
        as.run(SECRETARY, () -> spaces.setMember(space.id(), SpaceFixture.person(accounts, SECRETARY),
                SpaceRole.READER));
        assertThat(as.call(MEMBER, () -> spaces.members(space.id())))
                .extracting(SpaceMember::name, SpaceMember::role)
                .contains(org.assertj.core.groups.Tuple.tuple("Lars Lid", SpaceRole.MANAGER),
                        org.assertj.core.groups.Tuple.tuple("Sanne Secretaris", SpaceRole.READER));
    }

    @Test
    void anArchivedSpaceCanBeReadButNotChanged() {
        as.run(SECRETARY, () -> documents.createFolder(space.root(), "Oud"));
        as.run(SECRETARY, () -> spaces.setArchived(space.id(), true));
        assertThat(as.call(READER, () -> documents.count(space.root()))).isEqualTo(1);
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.createFolder(space.root(), "Nieuw")))
                .isInstanceOf(TafelException.class).extracting("messageKey").isEqualTo("spaces.error.archived");
        as.run(SECRETARY, () -> spaces.setArchived(space.id(), false));
        as.run(MEMBER, () -> documents.createFolder(space.root(), "Nieuw"));
    }

    @Test
    void theOverviewCountsWhatOthersChangedSinceTheLastVisit() {
        as.run(READER, () -> spaces.markVisited(space.id()));
        clock.advance(Duration.ofMinutes(1));
        as.run(MEMBER, () -> documents.upload(space.root(), "Actielijst.csv", SpaceFixture.text("a,b\n1,2\n"), -1));
        as.run(MEMBER, () -> documents.upload(space.root(), "Begroting.csv", SpaceFixture.text("x,y\n3,4\n"), -1));
        SpaceSummary forReader = as.call(READER, spaces::mySpaces).stream()
                .filter(s -> s.id().equals(space.id())).findFirst().orElseThrow();
        assertThat(forReader.changedSinceVisit()).isEqualTo(2);
        assertThat(forReader.recentlyChanged()).containsExactlyInAnyOrder("Actielijst.csv", "Begroting.csv");
        // Your own uploads are not news to you.
        SpaceSummary forUploader = as.call(MEMBER, spaces::mySpaces).stream()
                .filter(s -> s.id().equals(space.id())).findFirst().orElseThrow();
        assertThat(forUploader.changedSinceVisit()).isZero();
        clock.advance(Duration.ofMinutes(1));
        as.run(READER, () -> spaces.markVisited(space.id()));
        assertThat(as.call(READER, spaces::mySpaces).stream().filter(s -> s.id().equals(space.id())).findFirst()
                .orElseThrow().changedSinceVisit()).isZero();
    }
}
