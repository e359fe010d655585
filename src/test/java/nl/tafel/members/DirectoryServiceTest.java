package nl.tafel.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The directory's visibility rules, applied in the service: each part of a profile set to everyone, space members
 * only, or hidden, as seen by the person themselves, a space-mate, an outsider and an administrator.
 */
@TafelTest
class DirectoryServiceTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    OrganisationService organisations;
    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs as;

    DirectoryFixture f;

    @BeforeEach
    void fixture() {
        f = DirectoryFixture.create(jdbc, as, spaces, organisations, accounts);
    }

    private void fillProfile(Visibility v) {
        as.run(f.subject(), () -> {
            MyDirectoryEntry e = directory.myEntry();
            directory.updateMyEntry(new MyDirectoryEntry("Penningmeester " + f.tag(), v, v, v, "071 123 45 67", v,
                    "Ik *bouw* bruggen.", v, v, false, e.version()));
            directory.setMyPhoto("ik.png", new ByteArrayInputStream(DirectoryFixture.png()));
        });
    }

    /** The six parts a viewer sees of the subject, on the profile page. */
    private List<String> seenBy(String viewer) {
        DirectoryProfile p = as.call(viewer, () -> directory.person(f.subjectId()));
        List<String> seen = new ArrayList<>();
        if (p.function() != null) {
            seen.add("function");
        }
        if (p.organisationName() != null) {
            seen.add("organisation");
        }
        if (p.email() != null) {
            seen.add("email");
        }
        if (p.phone() != null) {
            seen.add("phone");
        }
        if (p.bioHtml() != null) {
            seen.add("bio");
        }
        if (p.photoUrl() != null) {
            seen.add("photo");
        }
        return seen;
    }

    private static final List<String> ALL = List.of("function", "organisation", "email", "phone", "bio", "photo");

    @ParameterizedTest
    @EnumSource(Visibility.class)
    void eachPartIsSeenByWhomItsVisibilityAllows(Visibility v) {
        fillProfile(v);

        assertThat(seenBy(f.subject())).as("the person themselves").isEqualTo(ALL);
        assertThat(seenBy(TestAccounts.ADMIN)).as("an administrator").isEqualTo(ALL);
        assertThat(seenBy(f.mate())).as("a space-mate")
                .isEqualTo(v == Visibility.HIDDEN ? List.of() : ALL);
        assertThat(seenBy(f.outsider())).as("an outsider")
                .isEqualTo(v == Visibility.EVERYONE ? ALL : List.of());

        // the photo itself, as the controller serves it
        assertThat(as.call(f.mate(), () -> canFetchPhoto())).isEqualTo(v != Visibility.HIDDEN);
        assertThat(as.call(f.outsider(), () -> canFetchPhoto())).isEqualTo(v == Visibility.EVERYONE);
        assertThat(as.call(TestAccounts.ADMIN, () -> canFetchPhoto())).isTrue();
        assertThat(as.call(f.subject(), () -> canFetchPhoto())).isTrue();
    }

    private boolean canFetchPhoto() {
        try {
            return directory.photo(f.subjectId()).content().length > 0;
        } catch (DirectoryNotFoundException e) {
            return false;
        }
    }

    @Test
    void partsCanHaveDifferentVisibilities() {
        as.run(f.subject(), () -> directory.updateMyEntry(new MyDirectoryEntry("Voorzitter " + f.tag(),
                Visibility.EVERYONE, Visibility.SPACE_MEMBERS, Visibility.HIDDEN, "06 12345678",
                Visibility.SPACE_MEMBERS, null, Visibility.EVERYONE, Visibility.EVERYONE, false,
                directory.myEntry().version())));
        assertThat(seenBy(f.outsider())).containsExactly("function");
        assertThat(seenBy(f.mate())).containsExactly("function", "organisation", "phone");
        DirectoryProfile own = as.call(f.subject(), () -> directory.person(f.subjectId()));
        assertThat(own.mine()).isTrue();
        assertThat(own.email()).isEqualTo(f.subject());
    }

    @Test
    void searchFindsByNameAndByVisibleFunctionAndOrganisationOnly() {
        fillProfile(Visibility.SPACE_MEMBERS);
        // by name: everyone finds the person (the name is always in the directory)
        assertThat(as.call(f.outsider(), () -> directory.search("sietske onderwerp " + f.tag())))
                .extracting(DirectoryCard::id).containsExactly(f.subjectId());
        // by function and organisation: only who may see them
        for (String text : List.of("Penningmeester " + f.tag(), f.organisationName())) {
            assertThat(as.call(f.outsider(), () -> directory.search(text))).as(text).isEmpty();
            List<DirectoryCard> mates = as.call(f.mate(), () -> directory.search(text));
            assertThat(mates).as(text).extracting(DirectoryCard::id).containsExactly(f.subjectId());
            assertThat(mates.getFirst().function()).isEqualTo("Penningmeester " + f.tag());
            assertThat(mates.getFirst().organisationName()).isEqualTo(f.organisationName());
        }
        // the outsider's card carries nothing hidden from them
        DirectoryCard card = as.call(f.outsider(), () -> directory.search(f.tag())).stream()
                .filter(c -> c.id().equals(f.subjectId())).findFirst().orElseThrow();
        assertThat(card.function()).isNull();
        assertThat(card.organisationName()).isNull();
        assertThat(card.photoUrl()).isNull();
    }

    @Test
    void deactivatedPeopleAreNotInTheDirectory() {
        jdbc.update("update person set status = 'DEACTIVATED' where email = ?", f.subject());
        assertThat(as.call(f.mate(), () -> directory.search(f.tag()))).extracting(DirectoryCard::id)
                .doesNotContain(f.subjectId());
        assertThatThrownBy(() -> as.call(f.mate(), () -> directory.person(f.subjectId())))
                .isInstanceOf(DirectoryNotFoundException.class);
    }

    @Test
    void anOrganisationShowsItsVisiblePeopleAndTheSpacesTheViewerMaySee() {
        fillProfile(Visibility.SPACE_MEMBERS);

        DirectoryOrganisation forMate = as.call(f.mate(), () -> directory.organisation(f.organisationId()));
        assertThat(forMate.people()).extracting(DirectoryCard::id).containsExactly(f.subjectId());
        assertThat(forMate.spaces()).extracting(DirectoryOrganisation.Space::name).containsExactly(f.spaceName());
        assertThat(forMate.spaces().getFirst().path()).isEqualTo("ruimtes/" + f.space());
        assertThat(forMate.otherSpaces()).isZero();

        // the outsider may not see that the subject belongs to it, so neither the person nor their spaces show
        DirectoryOrganisation forOutsider = as.call(f.outsider(), () -> directory.organisation(f.organisationId()));
        assertThat(forOutsider.people()).isEmpty();
        assertThat(forOutsider.spaces()).isEmpty();
        assertThat(forOutsider.otherSpaces()).isZero();

        DirectoryOrganisation forAdmin = as.call(TestAccounts.ADMIN, () -> directory.organisation(f.organisationId()));
        assertThat(forAdmin.spaces()).extracting(DirectoryOrganisation.Space::name).containsExactly(f.spaceName());

        // organisation visible to everyone: the outsider sees the person, and that there is a space they are not in
        as.run(f.subject(), () -> {
            MyDirectoryEntry e = directory.myEntry();
            directory.updateMyEntry(new MyDirectoryEntry(e.function(), e.functionVisibility(), Visibility.EVERYONE,
                    e.emailVisibility(), e.phone(), e.phoneVisibility(), e.bio(), e.bioVisibility(),
                    e.photoVisibility(), e.hasPhoto(), e.version()));
        });
        DirectoryOrganisation now = as.call(f.outsider(), () -> directory.organisation(f.organisationId()));
        assertThat(now.people()).extracting(DirectoryCard::id).containsExactly(f.subjectId());
        assertThat(now.spaces()).isEmpty();
        assertThat(now.otherSpaces()).isEqualTo(1);
    }

    @Test
    void htmlAndScriptInProfilesAreSanitized() {
        as.run(f.subject(), () -> directory.updateMyEntry(new MyDirectoryEntry(null, Visibility.EVERYONE,
                Visibility.EVERYONE, Visibility.EVERYONE, null, Visibility.EVERYONE,
                "Hallo <script>alert('x')</script> [klik](javascript:alert(1)) <b onclick=\"x()\">vet</b> **echt**",
                Visibility.EVERYONE, Visibility.EVERYONE, false, directory.myEntry().version())));
        String bio = as.call(f.outsider(), () -> directory.person(f.subjectId())).bioHtml();
        assertThat(bio).contains("<strong>echt</strong>").doesNotContain("<script", "javascript:", "<b ")
                .contains("&lt;b onclick"); // shown as text, never as an element with a handler

        String org = as.call(f.outsider(), () -> directory.organisation(f.organisationId())).descriptionHtml();
        assertThat(org).contains("<strong>verbinden</strong>").doesNotContain("<script", "<img");
        assertThat(activeParts(bio)).isEmpty();
        assertThat(activeParts(org)).isEmpty();
    }

    /** Elements in the HTML that could run something: script, images, handlers, javascript: links. */
    static org.jsoup.select.Elements activeParts(String html) {
        return org.jsoup.Jsoup.parseBodyFragment(html).select("script, img, iframe, [^on], a[href^=javascript]");
    }

    @Test
    void aFunctionWithMarkupOrABadPhoneNumberIsRefused() {
        as.run(f.subject(), () -> {
            long version = directory.myEntry().version();
            assertThatThrownBy(() -> directory.updateMyEntry(new MyDirectoryEntry("<b>baas</b>",
                    Visibility.EVERYONE, Visibility.EVERYONE, Visibility.EVERYONE, null, Visibility.EVERYONE, null,
                    Visibility.EVERYONE, Visibility.EVERYONE, false, version)))
                    .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("function"));
            assertThatThrownBy(() -> directory.updateMyEntry(new MyDirectoryEntry(null,
                    Visibility.EVERYONE, Visibility.EVERYONE, Visibility.EVERYONE, "bel me <script>",
                    Visibility.EVERYONE, null, Visibility.EVERYONE, Visibility.EVERYONE, false, version)))
                    .isInstanceOfSatisfying(FieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("phone");
                        assertThat(e.messageKey()).isEqualTo("directory.error.phone");
                    });
        });
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedWithAClearMessage() {
        as.run(f.subject(), () -> {
            byte[] script = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> directory.setMyPhoto("foto.png", new ByteArrayInputStream(script)))
                    .isInstanceOfSatisfying(FieldException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("directory.error.notAnImage");
                        assertThat(e.arguments()).containsExactly("foto.png");
                    });
            byte[] big = new byte[(int) DirectoryService.MAX_PHOTO_BYTES + 10];
            assertThatThrownBy(() -> directory.setMyPhoto("groot.jpg", new ByteArrayInputStream(big)))
                    .isInstanceOfSatisfying(FieldException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("directory.error.photoTooLarge"));
            assertThat(directory.myEntry().hasPhoto()).isFalse();

            directory.setMyPhoto("echt.txt", new ByteArrayInputStream(DirectoryFixture.png()));
            assertThat(directory.myEntry().hasPhoto()).isTrue();
            assertThat(directory.photo(f.subjectId()).mediaType()).isEqualTo("image/png");
            directory.removeMyPhoto();
            assertThat(directory.myEntry().hasPhoto()).isFalse();
        });
    }

    @Test
    void aStaleSaveIsRefused() {
        as.run(f.subject(), () -> {
            MyDirectoryEntry first = directory.myEntry();
            // another tab saves a new function first
            directory.updateMyEntry(new MyDirectoryEntry("Secretaris", first.functionVisibility(),
                    first.organisationVisibility(), first.emailVisibility(), first.phone(), first.phoneVisibility(),
                    first.bio(), first.bioVisibility(), first.photoVisibility(), first.hasPhoto(), first.version()));
            assertThatThrownBy(() -> directory.updateMyEntry(first)).isInstanceOf(ConcurrentEditException.class);
            assertThat(directory.myEntry().function()).isEqualTo("Secretaris");
        });
    }

    @Test
    void nobodySignedInGetsNothing() {
        assertThatThrownBy(() -> directory.search(""))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
        assertThatThrownBy(() -> directory.photo(f.subjectId()))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
    }
}
