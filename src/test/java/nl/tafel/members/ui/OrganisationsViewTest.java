package nl.tafel.members.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.members.OrganisationDetails;
import nl.tafel.members.OrganisationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@TafelTest
class OrganisationsViewTest extends SpringBrowserlessTest {

    @Autowired
    OrganisationService organisations;

    @Test
    @WithUserDetails(TestAccounts.ADMIN)
    void addingAnOrganisationAndRefusingADuplicateName() {
        String name = "Koepel " + UUID.randomUUID().toString().substring(0, 6);
        navigate(OrganisationsView.class);
        test(find(Button.class).id("organisations-add")).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(TextField.class, dialog).id("organisation-name")).setValue(name);
        test(find(Button.class, dialog).id("organisation-save")).click();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo(name + " is opgeslagen.");
        assertThat(organisations.list()).extracting(OrganisationDetails::name).contains(name);
        @SuppressWarnings("unchecked")
        Grid<OrganisationDetails> grid = find(Grid.class).id("organisations-grid");
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(1);

        test(find(Button.class).id("organisations-add")).click();
        Dialog second = find(Dialog.class).last();
        test(find(TextField.class, second).id("organisation-name")).setValue(name.toLowerCase());
        test(find(Button.class, second).id("organisation-save")).click();
        TextField field = find(TextField.class, second).id("organisation-name");
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Er is al een organisatie met deze naam.");
    }

    @Test
    @WithUserDetails(TestAccounts.SECRETARY)
    void secretariesDoNotManageOrganisationsOrPeople() {
        navigate(OverviewView.class);
        UI.getCurrent().navigate("beheer/organisaties");
        assertThat(getCurrentView()).isNotInstanceOf(OrganisationsView.class);
        UI.getCurrent().navigate("beheer/leden");
        assertThat(getCurrentView()).isNotInstanceOf(PeopleView.class);
    }
}
