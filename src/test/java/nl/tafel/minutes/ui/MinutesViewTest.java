package nl.tafel.minutes.ui;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionView;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.AccountDirectory;
import nl.tafel.minutes.MinutesDetails;
import nl.tafel.minutes.MinutesService;
import nl.tafel.spaces.SpaceMember;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The minutes editor in the JVM: typing saves, decisions and actions per item, a conflict is merged, not lost. */
@TafelTest
class MinutesViewTest extends SpringBrowserlessTest {

    @Autowired
    MinutesService minutes;
    @Autowired
    ActionService actions;
    @Autowired
    MeetingService meetings;
    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;

    MeetingId meeting;

    @Autowired
    nl.tafel.TestBoard board;

    @BeforeEach
    void publishedMeeting() {
        String title = nl.tafel.TestBoard.unique("Bestuur");
        meeting = board.published(board.space("Ruimte " + title), title, 3);
    }

    private Div item(String number) {
        return find(Div.class).id("minutes-item-" + number);
    }

    @Test
    @WithUserDetails(SECRETARY)
    void theSecretaryWritesTheMinutesWithDecisionsAndActions() {
        UI.getCurrent().navigate("vergaderingen/" + meeting);
        test(find(Button.class).id("open-minutes")).click();

        TextArea text = find(TextArea.class, item("1")).first();
        test(text).setValue("De voorzitter opent om **16:02**.<script>alert(1)</script>");
        MinutesDetails saved = as.call(SECRETARY, () -> minutes.get(meeting));
        assertThat(saved.items().getFirst().text()).startsWith("De voorzitter opent om **16:02**.");
        assertThat(saved.items().getFirst().html()).contains("<strong>16:02</strong>").doesNotContain("<script");

        test(find(TextField.class, item("5")).first()).setValue("Het bestuur stemt in met de overgang in 2026.");
        test(find(Button.class, item("5")).id("minutes-add-decision-5")).click();
        assertThat(item("5").getElement().getTextRecursively()).contains("Besluit B-").contains("overgang in 2026");

        test(find(Button.class, item("5")).id("minutes-add-action-5")).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(TextArea.class, dialog).id("action-description")).setValue("Migratieplan opstellen");
        test(find(Button.class, dialog).id("action-save")).click();
        assertThat(find(Dialog.class).single().isOpened()).as("no owner: the dialog stays with a message").isTrue();
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<SpaceMember> owners = find(MultiSelectComboBox.class, dialog).id("action-owners");
        assertThat(owners.isInvalid()).isTrue();
        owners.setValue(owners.getListDataView().getItems().filter(m -> m.email().equals(MEMBER)).toList());
        test(find(Button.class, dialog).id("action-save")).click();
        assertThat(item("5").getElement().getTextRecursively()).contains("Actie A-").contains("Migratieplan");
        assertThat(as.call(MEMBER, () -> actions.mine())).extracting(ActionView::description)
                .contains("Migratieplan opstellen");
    }

    @Test
    @WithUserDetails(SECRETARY)
    void whenSomeoneElseSavedTheSameItemTheTextsAreMergedNotOverwritten() {
        UI.getCurrent().navigate("vergaderingen/" + meeting + "/notulen");
        var opening = as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().itemId();
        // this writer has typed, but the text is not saved yet (the save waits for a pause in typing) ...
        TextArea text = find(TextArea.class, item("1")).first();
        text.setValue("Mijn aanvulling");
        // ... when the minute taker's save arrives: the page keeps the typed text
        as.call(SECRETARY, () -> minutes.saveText(meeting, opening, "Tekst van de notulist", 0));
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        assertThat(text.getValue()).isEqualTo("Mijn aanvulling");

        test(text).setValue("Mijn aanvulling.");
        Dialog conflict = find(Dialog.class).single();
        assertThat(conflict.getHeaderTitle()).startsWith("Tegelijk gewijzigd");
        test(find(Button.class, conflict).id("minutes-merge")).click();
        String stored = as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().text();
        assertThat(stored).contains("Tekst van de notulist").contains("Mijn aanvulling.");
    }

    @Test
    @WithUserDetails(SECRETARY)
    void textSavedByTheMinuteTakerAppearsOnAnOpenPage() {
        UI.getCurrent().navigate("vergaderingen/" + meeting + "/notulen");
        var opening = as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().itemId();
        as.call(SECRETARY, () -> minutes.saveText(meeting, opening, "Getypt door de _notulist_", 0));
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        assertThat(find(TextArea.class, item("1")).first().getValue()).isEqualTo("Getypt door de _notulist_");
        Div preview = find(Div.class, item("1")).all().stream()
                .filter(d -> d.getClassNames().contains("tafel-minutes-preview")).findFirst().orElseThrow();
        assertThat(preview.getElement().getProperty("innerHTML")).contains("<em>notulist</em>");
        test(find(TextArea.class, item("1")).first()).setValue("Getypt door de _notulist_, aangevuld");
        assertThat(as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().text())
                .as("saved on top of the version that arrived, no conflict")
                .isEqualTo("Getypt door de _notulist_, aangevuld");
    }

    @Test
    @WithUserDetails(READER)
    void membersReadCirculatedMinutesButCannotEditThem() {
        var opening = as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().itemId();
        as.call(SECRETARY, () -> minutes.saveText(meeting, opening, "Opening om 16:02", 0));
        as.run(SECRETARY, () -> minutes.circulate(meeting));
        UI.getCurrent().navigate("vergaderingen/" + meeting + "/notulen");
        Div preview = find(Div.class, item("1")).all().stream()
                .filter(d -> d.getClassNames().contains("tafel-minutes-preview")).findFirst().orElseThrow();
        assertThat(preview.getElement().getProperty("innerHTML")).isEqualTo("<p>Opening om 16:02</p>");
        assertThat(find(TextArea.class).all()).isEmpty();
        assertThat(find(Button.class).withId("minutes-approve").all()).isEmpty();
    }

    @Test
    @WithUserDetails(SECRETARY)
    void openingTheMinutesWritesNothingUntilTheMinuteTakerTakesAttendance() {
        UI.getCurrent().navigate("vergaderingen/" + meeting + "/notulen");
        assertThat(as.call(SECRETARY, () -> minutes.get(meeting)).attendance()).as("navigation writes nothing")
                .isEmpty();
        test(find(Button.class).id("minutes-take-attendance")).click();
        var list = as.call(SECRETARY, () -> minutes.get(meeting)).attendance();
        assertThat(list).isNotEmpty().allSatisfy(a -> assertThat(a.confirmed()).isFalse());
        var first = list.getFirst();
        test(find(Button.class).id("minutes-confirm-" + first.position())).click();
        assertThat(as.call(SECRETARY, () -> minutes.get(meeting)).attendance().getFirst().confirmed()).isTrue();
        assertThat(find(Div.class).id("minutes-attendance").getElement().getTextRecursively()).contains("Bevestigd")
                .contains("Onbekend");
    }

    @Test
    @WithUserDetails(SECRETARY)
    void textTheBrowserStillHoldsIsSavedWhenTheTabIsHiddenOrClosed() {
        UI.getCurrent().navigate("vergaderingen/" + meeting + "/notulen");
        var opening = as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().itemId();
        TextArea text = find(TextArea.class, item("1")).first();
        assertThat(text.getElement().getAttribute("data-item")).isEqualTo(opening.value().toString());
        MinutesView view = find(MinutesView.class).single();
        // the page's pagehide/visibilitychange handler sends what was typed but not yet saved
        view.flush(opening.value().toString(), "Getypt vlak voor het sluiten van het tabblad");
        assertThat(as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().text())
                .isEqualTo("Getypt vlak voor het sluiten van het tabblad");
        assertThat(text.getElement().getProperty("tafelSaved")).as("the page knows nothing is pending")
                .isEqualTo("Getypt vlak voor het sluiten van het tabblad");
        view.flush(opening.value().toString(), "Getypt vlak voor het sluiten van het tabblad");
        assertThat(as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().version())
                .as("the same text is not saved twice").isEqualTo(1);
    }
}
