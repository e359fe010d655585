package nl.tafel.meetings;

import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.minutes.MinutesDetails;
import nl.tafel.minutes.MinutesService;
import nl.tafel.spaces.SpaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Standing items carry a role: renaming them, or an English agenda, keeps what they are for. */
@TafelTest
class ItemRolesTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    SeriesService series;
    @Autowired
    MinutesService minutes;
    @Autowired
    TestBoard board;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs as;

    SpaceId space;

    @BeforeEach
    void board() {
        space = board.space(TestBoard.unique("Bestuur rollen"));
    }

    @Test
    void aNewAgendaHasItsStandingItemsWithTheirRoles() {
        MeetingId id = board.meeting(space, "Bestuursvergadering", LocalDate.now(MeetingService.ZONE).plusDays(9),
                null, SECRETARY);
        assertThat(as.call(SECRETARY, () -> agenda.agenda(id))).extracting(AgendaItemView::role).containsExactly(
                ItemRole.OPENING, ItemRole.PREVIOUS_MINUTES, ItemRole.ACTIONS, ItemRole.ANNOUNCEMENTS,
                ItemRole.QUESTIONS, ItemRole.CLOSING);
        AgendaItemId extra = as.call(SECRETARY, () -> agenda.addItem(id, null, new ItemDraft("Begroting",
                ItemPurpose.DECISION, null, 10, null), meetings.get(id).agendaVersion()));
        assertThat(as.call(SECRETARY, () -> agenda.agenda(id))).filteredOn(i -> i.id().equals(extra))
                .extracting(AgendaItemView::role).containsExactly((ItemRole) null);
    }

    @Test
    void renamingTheActionListOrWritingInEnglishKeepsItsRole() {
        MeetingId id = board.meeting(space, "Board meeting", LocalDate.now(MeetingService.ZONE).plusDays(9), null,
                SECRETARY);
        List<AgendaItemView> items = as.call(SECRETARY, () -> agenda.agenda(id));
        AgendaItemView actions = items.get(2);
        AgendaItemView previous = items.get(1);
        as.run(SECRETARY, () -> agenda.updateItem(actions.id(), new ItemDraft("Action list",
                ItemPurpose.DISCUSSION, null, 10, null), meetings.get(id).agendaVersion()));
        as.run(SECRETARY, () -> agenda.updateItem(previous.id(), new ItemDraft("Minutes of the last meeting",
                ItemPurpose.DECISION, null, 10, null), meetings.get(id).agendaVersion()));
        List<AgendaItemView> after = as.call(SECRETARY, () -> agenda.agenda(id));
        assertThat(after.get(2).title()).isEqualTo("Action list");
        assertThat(after.get(2).role()).isEqualTo(ItemRole.ACTIONS);
        // the minutes follow the role, not the title
        MinutesDetails details = as.call(SECRETARY, () -> minutes.get(id));
        assertThat(details.items().get(2).actionList()).isTrue();
        assertThat(details.items().get(1).previousMinutes()).isTrue();
        assertThat(details.items().get(3).actionList()).isFalse();
    }

    @Test
    void aSeriesTemplateKeepsItsRolesThroughEditsAndGivesThemToItsMeetings() {
        SeriesId id = as.call(SECRETARY, () -> series.create(space, "Bestuur", MeetingForm.PHYSICAL, null,
                LocalTime.of(19, 30), 120, null));
        SeriesDetails current = as.call(SECRETARY, () -> series.get(id));
        List<TemplateItem> renamed = current.template().stream().map(t -> t.role() == ItemRole.QUESTIONS
                ? new TemplateItem("Any other business", t.purpose(), t.minutes(), t.atEnd(), t.role()) : t).toList();
        as.run(SECRETARY, () -> series.update(new SeriesDetails(id, current.spaceId(), current.name(),
                current.form(), current.location(), current.start(), current.durationMinutes(), current.quorum(),
                renamed, current.version(), current.quorumPercent())));
        assertThat(as.call(SECRETARY, () -> series.get(id)).template()).extracting(TemplateItem::title,
                TemplateItem::role).contains(org.assertj.core.groups.Tuple.tuple("Any other business",
                        ItemRole.QUESTIONS));
        MeetingId meeting = as.call(SECRETARY, () -> meetings.create(space, new MeetingDraft("Bestuur",
                LocalDate.now(MeetingService.ZONE).plusDays(9), LocalTime.of(19, 30), LocalTime.of(21, 30),
                MeetingForm.PHYSICAL, "Stadhuis", null, null, null), id)).id();
        assertThat(as.call(SECRETARY, () -> agenda.agenda(meeting))).filteredOn(i -> i.is(ItemRole.QUESTIONS))
                .extracting(AgendaItemView::title).containsExactly("Any other business");
    }

    @Test
    void itemsMadeBeforeRolesGetTheirRoleOnceFromTheirDutchTitle() throws Exception {
        MeetingId id = board.meeting(space, "Oud", LocalDate.now(MeetingService.ZONE).plusDays(9), null, null);
        jdbc.update("update agenda_item set role = null where meeting_id = ?", id.value());
        // the migration's own statement, run again on these rows
        String migration = new String(getClass().getResourceAsStream(
                "/db/migration/V19__meetings_roles_stale_pack_notices.sql").readAllBytes(), StandardCharsets.UTF_8);
        String update = migration.substring(migration.indexOf("update agenda_item set role"));
        jdbc.update(update.substring(0, update.indexOf(';')) + " and meeting_id = ?", id.value());
        assertThat(as.call(SECRETARY, () -> agenda.agenda(id))).extracting(AgendaItemView::role).containsExactly(
                ItemRole.OPENING, ItemRole.PREVIOUS_MINUTES, ItemRole.ACTIONS, ItemRole.ANNOUNCEMENTS,
                ItemRole.QUESTIONS, ItemRole.CLOSING);
        assertThat(ItemRole.fromDutchTitle(" Actielijst ")).isEqualTo(ItemRole.ACTIONS);
        assertThat(ItemRole.fromDutchTitle("Begroting")).isNull();
    }
}
