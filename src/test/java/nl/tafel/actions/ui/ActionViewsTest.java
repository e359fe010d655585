package nl.tafel.actions.ui;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.actions.ActionDraft;
import nl.tafel.actions.ActionOwner;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionStatus;
import nl.tafel.actions.ActionView;
import nl.tafel.actions.internal.StatusRequests;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.MeetingId;
import nl.tafel.members.AccountDirectory;
import nl.tafel.security.SignedLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** "Mijn acties" and the status page behind the mail link, in the JVM. */
@TafelTest
class ActionViewsTest extends SpringBrowserlessTest {

    @Autowired
    ActionService actions;
    @Autowired
    AgendaService agenda;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    TestBoard board;
    @Autowired
    SignedLinks links;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs as;

    MeetingId meeting;
    ActionView action;

    @BeforeEach
    void anAction() {
        String title = TestBoard.unique("Bestuur");
        meeting = board.published(board.space("Ruimte " + title), title, 5);
        var item = as.call(SECRETARY, () -> agenda.agenda(meeting)).get(4).id();
        action = as.call(SECRETARY, () -> actions.create(meeting, item, new ActionDraft("Brief aan de gemeente "
                + title, List.of(new ActionOwner(accounts.findByEmail(MEMBER).orElseThrow().id(), "")),
                LocalDate.now().minusDays(2)))).action();
    }

    @Test
    @WithUserDetails(MEMBER)
    void anOwnerSeesTheActionAsOverdueAndReportsProgress() {
        UI.getCurrent().navigate("acties");
        @SuppressWarnings("unchecked")
        Grid<ActionView> grid = find(Grid.class).id("actions-grid");
        int row = grid.getListDataView().getItems().toList().indexOf(grid.getListDataView().getItems()
                .filter(a -> a.id().equals(action.id())).findFirst().orElseThrow());
        assertThat(test(grid).getCellText(row, 0)).isEqualTo(action.number());
        test(grid).clickRow(row);
        test(find(TextArea.class).id("action-note")).setValue("Concept ligt klaar.");
        test(find(Button.class).id("action-note-save")).click();
        assertThat(as.call(MEMBER, () -> actions.get(action.id())).notes()).extracting(ActionView.Note::text)
                .containsExactly("Concept ligt klaar.");
    }

    @Test
    @WithUserDetails(MEMBER)
    void theOverviewShowsMyOpenActionsWithTheOverdueMarked() {
        // the start page was built when the UI opened, before this test's action existed: open it anew
        UI.getCurrent().navigate("acties");
        UI.getCurrent().navigate("");
        String text = find(com.vaadin.flow.component.html.UnorderedList.class).id("my-actions").getElement()
                .getTextRecursively();
        assertThat(text).contains(action.number()).contains("Verlopen");
    }

    @Test
    void theStatusLinkWorksWithoutSigningIn() {
        jdbc.update("insert into action_status_mail (meeting_id, space_id, person_id, created_at)"
                + " values (?, ?, ?, now())", meeting.value(), action.spaceId().value(),
                accounts.findByEmail(MEMBER).orElseThrow().id().value());
        Long row = jdbc.queryForObject("select id from action_status_mail where meeting_id = ?", Long.class,
                meeting.value());
        String token = links.issue(StatusRequests.PURPOSE, row);
        UI.getCurrent().navigate("actie-status", QueryParameters.simple(Map.of("t", token)));
        Div block = find(Div.class).id("status-" + action.number());
        @SuppressWarnings("unchecked")
        Select<ActionStatus> status = find(Select.class, block).first();
        status.setValue(ActionStatus.DONE);
        test(find(TextArea.class, block).first()).setValue("Verstuurd op maandag.");
        test(find(Button.class, block).id("status-save-" + action.number())).click();
        ActionView after = as.call(SECRETARY, () -> actions.get(action.id()));
        assertThat(after.status()).isEqualTo(ActionStatus.DONE);
        assertThat(after.notes()).extracting(ActionView.Note::text).containsExactly("Verstuurd op maandag.");

        UI.getCurrent().navigate("actie-status", QueryParameters.simple(Map.of("t", token + "x")));
        assertThat(find(Paragraph.class).id("link-message").getText()).contains("klopt niet");
    }
}
