package nl.tafel.members.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.members.PersonDetails;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@TafelTest
class PeopleViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void administratorsSeeAndSearchPeople() {
        navigate(PeopleView.class);
        @SuppressWarnings("unchecked")
        Grid<PersonDetails> grid = find(Grid.class).id("people-grid");
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(3);
        test(find(TextField.class).id("people-search")).setValue("Sanne");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).email()).isEqualTo(TestAccounts.SECRETARY);
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void addingAPersonWithATakenEmailShowsAFieldErrorAndKeepsTheInput() {
        navigate(PeopleView.class);
        test(find(Button.class).id("people-add")).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(TextField.class, dialog).id("person-name")).setValue("Dubbele Dirk");
        test(find(EmailField.class, dialog).id("person-email")).setValue(TestAccounts.MEMBER);
        test(find(Button.class, dialog).id("person-save")).click();

        EmailField email = find(EmailField.class, dialog).id("person-email");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Er is al iemand met dit e-mailadres.");
        assertThat(find(TextField.class, dialog).id("person-name").getValue()).isEqualTo("Dubbele Dirk");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void anInvalidEmailIsCaughtBeforeSaving() {
        navigate(PeopleView.class);
        test(find(Button.class).id("people-add")).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(TextField.class, dialog).id("person-name")).setValue("Foutje");
        test(find(EmailField.class, dialog).id("person-email")).setValue("foutje@");
        test(find(Button.class, dialog).id("person-save")).click();
        EmailField email = find(EmailField.class, dialog).id("person-email");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).startsWith("Dit is geen geldig e-mailadres");
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void addingAPersonShowsThemInTheList() {
        String email = "nieuw-" + UUID.randomUUID().toString().substring(0, 8) + "@voorbeeld.nl";
        navigate(PeopleView.class);
        test(find(Button.class).id("people-add")).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(TextField.class, dialog).id("person-name")).setValue("Noor Nieuw");
        test(find(EmailField.class, dialog).id("person-email")).setValue(email);
        test(find(Button.class, dialog).id("person-save")).click();

        assertThat(test(find(Notification.class).last()).getText())
                .isEqualTo("Noor Nieuw is toegevoegd en krijgt een activeringsmail.");
        test(find(TextField.class).id("people-search")).setValue(email);
        @SuppressWarnings("unchecked")
        Grid<PersonDetails> grid = find(Grid.class).id("people-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Noor Nieuw");
    }

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void theNavigationShowsTheAdministrationViews() {
        navigate(PeopleView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .contains("Overzicht", "Leden", "Organisaties", "Verzonden e-mail");
    }

    @Test
    @WithUserDetails(TestAccounts.MEMBER)
    void membersDoNotSeeOrOpenTheAdministration() {
        navigate(OverviewView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .containsExactly("Overzicht", "Nieuws", "Ruimtes", "Vergaderingen", "Mijn notities", "Acties",
                        "Besluitenlijst", "Ledengids");
        assertThat(find(SideNav.class).exists()).isTrue();
        com.vaadin.flow.component.UI.getCurrent().navigate("beheer/leden");
        assertThat(getCurrentView()).isNotInstanceOf(PeopleView.class);
        assertThat(find(com.vaadin.flow.component.html.H2.class).withText("Pagina niet gevonden").exists()
                || getCurrentView().getClass().getSimpleName().contains("NotFound")).isTrue();
    }
}
