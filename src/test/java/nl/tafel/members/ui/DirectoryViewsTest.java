package nl.tafel.members.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.members.AccountDirectory;
import nl.tafel.members.DirectoryFixture;
import nl.tafel.members.DirectoryService;
import nl.tafel.members.MyDirectoryEntry;
import nl.tafel.members.OrganisationService;
import nl.tafel.members.Visibility;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The directory's views, browserless. The viewer is the outsider (in no space) or the administrator; the people shown
 * are fresh for each test, with their function visible to everyone and phone and e-mail to space members only.
 */
@TafelTest
class DirectoryViewsTest extends SpringBrowserlessTest {

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
        as.run(f.subject(), () -> directory.updateMyEntry(new MyDirectoryEntry("Penningmeester " + f.tag(),
                Visibility.EVERYONE, Visibility.EVERYONE, Visibility.SPACE_MEMBERS, "071 5555555",
                Visibility.SPACE_MEMBERS, "Ik <script>alert(1)</script> **ondernemer**", Visibility.EVERYONE,
                Visibility.EVERYONE, false, directory.myEntry().version())));
    }

    @Test
    @WithUserDetails(TestAccounts.OUTSIDER)
    void theDirectoryFindsPeopleByNameFunctionAndOrganisation() {
        UI.getCurrent().navigate("ledengids");
        assertThat(getCurrentView()).isInstanceOf(DirectoryView.class);
        for (String text : new String[] {"Sietske Onderwerp " + f.tag(), "penningmeester " + f.tag(),
                f.organisationName()}) {
            test(find(TextField.class).id("directory-search")).setValue(text);
            Div cards = find(Div.class).id("directory-cards");
            assertThat(find(Div.class, cards).withClassName("directory-card").all()).as(text).hasSize(1);
            Div card = find(Div.class).id("directory-card-" + f.subjectId().value());
            assertThat(card.getElement().getTextRecursively()).contains("Sietske Onderwerp", "Penningmeester",
                    f.organisationName());
        }
        test(find(TextField.class).id("directory-search")).setValue("niemand-heet-zo-" + f.tag());
        assertThat(find(Paragraph.class).id("directory-note").getText()).isEqualTo("Niemand gevonden.");
    }

    @Test
    @WithUserDetails(TestAccounts.OUTSIDER)
    void aPersonsPageShowsOnlyWhatTheViewerMaySeeAndASanitizedBio() {
        UI.getCurrent().navigate("ledengids/personen/" + f.subjectId().value());
        assertThat(getCurrentView()).isInstanceOf(DirectoryPersonView.class);
        assertThat(find(H2.class).id("directory-person-name").getText()).startsWith("Sietske Onderwerp");
        assertThat(find(Span.class).id("directory-person-function").getText())
                .isEqualTo("Penningmeester " + f.tag());
        assertThat(find(Anchor.class).withId("directory-person-phone").exists()).isFalse();
        assertThat(find(Anchor.class).withId("directory-person-email").exists()).isFalse();
        assertThat(find(Anchor.class).withId("directory-person-edit").exists()).isFalse();
        String bio = find(Div.class).id("directory-person-bio").getElement().getProperty("innerHTML");
        assertThat(bio).contains("<strong>ondernemer</strong>").doesNotContain("<script");
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void administratorsSeeContactDetailsForRunningTheAssociation() {
        UI.getCurrent().navigate("ledengids/personen/" + f.subjectId().value());
        assertThat(find(Anchor.class).id("directory-person-phone").getText()).isEqualTo("071 5555555");
        assertThat(find(Anchor.class).id("directory-person-email").getHref()).isEqualTo("mailto:" + f.subject());
    }

    @Test
    @WithUserDetails(TestAccounts.OUTSIDER)
    void anOrganisationsPageShowsItsPeopleAndHowManySpacesTheViewerIsNotIn() {
        UI.getCurrent().navigate("ledengids/organisaties/" + f.organisationId());
        assertThat(getCurrentView()).isInstanceOf(DirectoryOrganisationView.class);
        String description = find(Div.class).id("directory-organisation-description").getElement()
                .getProperty("innerHTML");
        assertThat(description).contains("<strong>verbinden</strong>").doesNotContain("<script", "<img");
        assertThat(org.jsoup.Jsoup.parseBodyFragment(description).select("script, img, [^on]")).isEmpty();
        Div people = find(Div.class).id("directory-organisation-people");
        assertThat(find(Div.class, people).withClassName("directory-card").all()).hasSize(1);
        assertThat(find(Paragraph.class).withId("directory-organisation-no-spaces").exists()).isTrue();
        assertThat(find(Paragraph.class).id("directory-organisation-other-spaces").getText())
                .isEqualTo("En in 1 andere ruimte(s) waar je zelf niet in zit.");
    }

    @Test
    @WithUserDetails(TestAccounts.OUTSIDER)
    void anUnknownPersonOrOrganisationIsNotFound() {
        UI.getCurrent().navigate("ledengids/personen/987654321");
        assertThat(find(Paragraph.class).id("directory-not-found").getText())
                .isEqualTo("Deze persoon of organisatie staat niet (meer) in de ledengids.");
        UI.getCurrent().navigate("ledengids/organisaties/niets");
        assertThat(find(Paragraph.class).withId("directory-not-found").exists()).isTrue();
    }

    @Test
    @WithUserDetails(TestAccounts.OUTSIDER)
    void theDirectoryIsInTheMenu() {
        UI.getCurrent().navigate("ledengids");
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Ledengids");
    }

    @Test
    @WithUserDetails(TestAccounts.READER)
    @SuppressWarnings("unchecked")
    void myProfileSavesMyDirectoryEntryAfterMyNameWasSaved() {
        navigate(ProfileView.class);
        // the name first: the directory part must still save (the person's version has moved on)
        test(find(TextField.class).id("profile-name")).setValue("Lotte de Lezer");
        test(find(Button.class).id("profile-save")).click();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Je profiel is opgeslagen.");
        String function = "Notulist " + f.tag();
        test(find(TextField.class).id("directory-function")).setValue(function);
        test(find(Select.class).id("directory-phone-visibility")).selectItem("Verborgen");
        test(find(TextArea.class).id("directory-bio")).setValue("Ik maak de notulen.");
        test(find(Button.class).id("directory-save")).click();
        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Je gegevens in de ledengids zijn opgeslagen.");
        MyDirectoryEntry saved = directory.myEntry();
        assertThat(saved.function()).isEqualTo(function);
        assertThat(saved.phoneVisibility()).isEqualTo(Visibility.HIDDEN);
        assertThat(saved.bio()).isEqualTo("Ik maak de notulen.");
        // and the name can be saved again after that
        test(find(TextField.class).id("profile-name")).setValue("Lotte Lezer");
        test(find(Button.class).id("profile-save")).click();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Je profiel is opgeslagen.");
    }

    @Test
    @WithUserDetails(TestAccounts.READER)
    void aBadPhoneNumberIsShownOnTheField() {
        navigate(ProfileView.class);
        test(find(TextField.class).id("directory-phone")).setValue("bel <b>mij</b>");
        test(find(Button.class).id("directory-save")).click();
        TextField phone = find(TextField.class).id("directory-phone");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).startsWith("Een telefoonnummer bestaat uit cijfers");
    }
}
