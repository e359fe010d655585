package nl.tafel.meetings.ui;

import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.LocalDate;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.TestConfig;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.ItemDraft;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The meeting page at the end of the cycle: conflicts keep the typed text, long titles, late publication. */
@TafelTest
class MeetingEndViewsTest extends SpringBrowserlessTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    TestBoard board;
    @Autowired
    TestConfig.TestClock clock;
    @Autowired
    RunAs as;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MeetingId meeting(int daysAhead) {
        String title = TestBoard.unique("Einde");
        return board.meeting(board.space("Ruimte " + title), title, LocalDate.now(MeetingService.ZONE)
                .plusDays(daysAhead), null, null);
    }

    @Test
    @WithUserDetails(SECRETARY)
    void anItemEditThatMeetsSomeoneElsesChangeKeepsTheTypedTextAndShowsTheirs() {
        MeetingId id = meeting(5);
        UI.getCurrent().navigate(MeetingView.path(id));
        AgendaItemView opening = as.call(SECRETARY, () -> agenda.agenda(id)).getFirst();
        MeetingView view = find(MeetingView.class).single();
        // the edit dialog of item 1, as the item menu opens it
        view.itemActions(opening);
        test(find(Button.class).id("agenda-action-edit")).click();
        Dialog dialog = find(Dialog.class).all().stream().filter(Dialog::isOpened).reduce((a, b) -> b).orElseThrow();
        TextField title = find(TextField.class, dialog).id("item-title");
        test(title).setValue("Opening door de voorzitter, met mededelingen");
        // meanwhile, in another tab
        as.run(SECRETARY, () -> agenda.updateItem(opening.id(), new ItemDraft("Opening (andere tab)",
                opening.purpose(), null, 5, "Toelichting uit de andere tab"), meetings.get(id).agendaVersion()));
        test(find(Button.class, dialog).id("item-save")).click();
        assertThat(dialog.isOpened()).as("the dialog stays open").isTrue();
        assertThat(title.getValue()).as("nothing typed is lost").isEqualTo("Opening door de voorzitter, met mededelingen");
        Div conflict = find(Div.class, dialog).id("item-conflict");
        assertThat(conflict.isVisible()).isTrue();
        assertThat(conflict.getElement().getTextRecursively()).contains("Opening (andere tab)")
                .contains("Toelichting uit de andere tab");
        test(find(Button.class, dialog).id("item-save")).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(as.call(SECRETARY, () -> agenda.agenda(id)).getFirst().title())
                .as("saved knowingly over their version").isEqualTo("Opening door de voorzitter, met mededelingen");
        assertThat(view).isNotNull();
    }

    @Test
    @WithUserDetails(SECRETARY)
    void aTitleOverItsLimitShowsACounterAndAMessageAndIsNotCut() {
        MeetingId id = meeting(5);
        UI.getCurrent().navigate(MeetingView.path(id));
        test(find(Button.class).id("agenda-add")).click();
        Dialog dialog = find(Dialog.class).all().stream().filter(Dialog::isOpened).reduce((a, b) -> b).orElseThrow();
        TextField title = find(TextField.class, dialog).id("item-title");
        assertThat(title.getMaxLength()).as("the browser does not cut").isNotEqualTo(200);
        String long230 = "x".repeat(230);
        test(title).setValue(long230);
        assertThat(title.getHelperText()).isEqualTo("230/200 tekens");
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).contains("200").contains("30 te veel");
        test(find(Button.class, dialog).id("item-save")).click();
        assertThat(dialog.isOpened()).as("the service refuses it too; the dialog stays").isTrue();
        assertThat(title.getValue()).isEqualTo(long230);
        assertThat(as.call(SECRETARY, () -> agenda.agenda(id))).noneMatch(i -> i.title().startsWith("xxx"));
    }

    @Test
    @WithUserDetails(SECRETARY)
    void publishingAfterTheStartAsksAndSendsNoInvitationsUnlessChosen() {
        MeetingId id = meeting(1);
        clock.advance(Duration.ofDays(2));
        UI.getCurrent().navigate(MeetingView.path(id));
        assertThat(find(Button.class).id("meeting-cancel").getText()).isEqualTo("Vergadering annuleren");
        test(find(Button.class).id("meeting-publish")).click();
        Dialog confirm = find(Dialog.class).all().stream().filter(Dialog::isOpened).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(find(Checkbox.class, confirm).id("meeting-publish-invite").getValue()).isFalse();
        test(find(Button.class, confirm).id("meeting-publish-confirm")).click();
        var published = as.call(SECRETARY, () -> meetings.get(id));
        assertThat(published.status()).isEqualTo(MeetingStatus.PUBLISHED);
        assertThat(published.sendsInvitations()).isFalse();
    }
}
