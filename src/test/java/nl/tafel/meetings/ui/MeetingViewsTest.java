package nl.tafel.meetings.ui;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.members.AccountDirectory;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.ItemPurpose;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The agenda builder in the JVM: planning a meeting, adding and dragging items, publishing, what readers see. */
@TafelTest
class MeetingViewsTest extends SpringBrowserlessTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    nl.tafel.meetings.AgendaPackService packs;
    @Autowired
    nl.tafel.meetings.SeriesService series;
    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;

    SpaceDetails space;
    LocalDate date = LocalDate.now(MeetingService.ZONE).plusWeeks(3);

    @BeforeEach
    void createSpace() {
        String name = "Bestuur " + UUID.randomUUID().toString().substring(0, 8);
        space = as.call(SECRETARY, () -> {
            SpaceId id = spaces.create(name, null);
            spaces.setMember(id, accounts.findByEmail(MEMBER).orElseThrow().id(), SpaceRole.CONTRIBUTOR);
            spaces.setMember(id, accounts.findByEmail(READER).orElseThrow().id(), SpaceRole.READER);
            return spaces.get(id);
        });
    }

    @SuppressWarnings("unchecked")
    private Grid<AgendaItemView> agendaGrid() {
        return find(Grid.class).id("agenda-grid");
    }

    @Test
    @WithUserDetails(SECRETARY)
    void aSecretaryPlansAMeetingAndBuildsItsAgenda() {
        UI.getCurrent().navigate("vergaderingen");
        test(find(Button.class).id("meeting-new")).click();
        Dialog dialog = find(Dialog.class).single();
        @SuppressWarnings("unchecked")
        Select<nl.tafel.spaces.SpaceSummary> spaceSelect = find(Select.class, dialog).id("meeting-space");
        spaceSelect.setValue(spaceSelect.getListDataView().getItems().filter(s -> s.id().equals(space.id()))
                .findFirst().orElseThrow());
        test(find(TextField.class, dialog).id("meeting-title")).setValue("Bestuursvergadering");
        test(find(DatePicker.class, dialog).id("meeting-date")).setValue(date);
        test(find(TimePicker.class, dialog).id("meeting-start")).setValue(LocalTime.of(21, 0));
        test(find(TimePicker.class, dialog).id("meeting-end")).setValue(LocalTime.of(19, 0));
        test(find(Button.class, dialog).id("meeting-save")).click();
        TimePicker end = find(TimePicker.class, dialog).id("meeting-end");
        assertThat(end.isInvalid()).isTrue();
        assertThat(end.getErrorMessage()).isEqualTo("Het einde moet na het begin liggen.");
        test(find(TimePicker.class, dialog).id("meeting-start")).setValue(LocalTime.of(19, 30));
        test(end).setValue(LocalTime.of(21, 30));
        test(find(TextField.class, dialog).id("meeting-location")).setValue("Stadhuis Leiden");
        test(find(Button.class, dialog).id("meeting-save")).click();

        assertThat(find(H1.class).single().getText()).isEqualTo("Bestuursvergadering");
        assertThat(test(agendaGrid()).size()).isEqualTo(6);
        assertThat(test(agendaGrid()).getCellText(0, 1)).isEqualTo("19:30");

        test(find(Button.class).id("agenda-add")).click();
        Dialog item = find(Dialog.class).single();
        test(find(TextField.class, item).id("item-title")).setValue("Begroting 2026");
        @SuppressWarnings("unchecked")
        Select<ItemPurpose> purpose = find(Select.class, item).id("item-purpose");
        purpose.setValue(ItemPurpose.DECISION);
        test(find(IntegerField.class, item).id("item-minutes")).setValue(20);
        test(find(Button.class, item).id("item-save")).click();

        List<AgendaItemView> rows = rows();
        assertThat(rows).extracting(AgendaItemView::number, AgendaItemView::title)
                .contains(org.assertj.core.groups.Tuple.tuple("5", "Begroting 2026"),
                        org.assertj.core.groups.Tuple.tuple("6", "Rondvraag"));

        // Drag "Begroting 2026" onto "Actielijst": it becomes 3.1.
        MeetingView view = (MeetingView) getCurrentView();
        view.drop(rows.get(4), rows.get(2), GridDropLocation.ON_TOP);
        assertThat(rows()).extracting(AgendaItemView::number, AgendaItemView::title)
                .contains(org.assertj.core.groups.Tuple.tuple("3.1", "Begroting 2026"));
        // And drag it back above "Rondvraag".
        rows = rows();
        AgendaItemView begroting = rows.stream().filter(r -> r.title().equals("Begroting 2026")).findFirst()
                .orElseThrow();
        AgendaItemView rondvraag = rows.stream().filter(r -> r.title().equals("Rondvraag")).findFirst()
                .orElseThrow();
        view.drop(begroting, rondvraag, GridDropLocation.ABOVE);
        assertThat(rows()).extracting(AgendaItemView::number, AgendaItemView::title)
                .contains(org.assertj.core.groups.Tuple.tuple("5", "Begroting 2026"),
                        org.assertj.core.groups.Tuple.tuple("6", "Rondvraag"));

        // 5 + 10 + 10 + 10 + 20 + 10 + 5 = 70 minutes fit in 19:30–21:30: no overrun warning.
        assertThat(find(Div.class).withId("agenda-overrun").all()).isEmpty();

        test(find(Button.class).id("meeting-publish")).click();
        assertThat(find(Div.class).id("meeting-facts").getElement().getTextRecursively()).contains("Gepubliceerd");

        // The agenda pack is made in the background; the page shows progress, then the download.
        MeetingId id = ((MeetingView) getCurrentView()).meetingId();
        test(find(Button.class).id("pack-build")).click();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                as.call(SECRETARY, () -> packs.status(id)).state() == nl.tafel.meetings.AgendaPackService.State.READY);
        UI.getCurrent().navigate("vergaderingen/" + id);
        com.vaadin.flow.component.html.Anchor download = find(com.vaadin.flow.component.html.Anchor.class)
                .id("pack-download");
        assertThat(download.getHref()).startsWith("bestanden/document/");
        assertThat(find(Div.class).id("agenda-pack").getElement().getTextRecursively()).contains("Versie 1");
    }

    private List<AgendaItemView> rows() {
        Grid<AgendaItemView> grid = agendaGrid();
        List<AgendaItemView> list = new java.util.ArrayList<>();
        for (int i = 0; i < test(grid).size(); i++) {
            list.add(test(grid).getRow(i));
        }
        return list;
    }

    @Test
    @WithUserDetails(READER)
    void aReaderSeesThePublishedAgendaButCannotChangeItAndNoConcepts() {
        MeetingId published = as.call(SECRETARY, () -> meetings.create(space.id(), new MeetingDraft(
                "Gepubliceerd overleg", date, LocalTime.of(19, 0), LocalTime.of(21, 0), MeetingForm.ONLINE, null,
                "https://teams.example/meet/123", null, null))).id();
        as.run(SECRETARY, () -> meetings.publish(published));
        MeetingId concept = as.call(SECRETARY, () -> meetings.create(space.id(), new MeetingDraft(
                "Concept overleg", date, LocalTime.of(19, 0), LocalTime.of(21, 0), MeetingForm.PHYSICAL, "Zaal",
                null, null, null))).id();

        UI.getCurrent().navigate("vergaderingen");
        String list = find(Div.class).id("meetings-list").getElement().getTextRecursively();
        assertThat(list).contains("Gepubliceerd overleg").doesNotContain("Concept overleg");

        UI.getCurrent().navigate("vergaderingen/" + published);
        assertThat(test(agendaGrid()).size()).isEqualTo(6);
        assertThat(find(Button.class).withId("agenda-add").all()).isEmpty();
        assertThat(find(Button.class).withId("meeting-publish").all()).isEmpty();
        assertThat(agendaGrid().getColumnByKey("actions")).isNull();
        assertThat(find(Div.class).id("meeting-facts").getElement().getTextRecursively())
                .contains("Online", "Deelnemen aan de online vergadering");
        // The standing items take 50 of the 120 minutes; one long item more and the agenda runs over.
        assertThat(find(Div.class).withId("agenda-overrun").all()).isEmpty();
        as.run(SECRETARY, () -> agenda.addItem(published, null, new nl.tafel.meetings.ItemDraft("Strategiedag",
                ItemPurpose.DISCUSSION, null, 90, null), meetings.get(published).agendaVersion()));
        UI.getCurrent().navigate("vergaderingen/" + published);
        assertThat(find(Div.class).id("agenda-overrun").getElement().getTextRecursively())
                .contains("De agenda loopt tot 21:20: 20 minuten na het geplande einde.");
        assertThat(find(Div.class).id("agenda-changes").getElement().getTextRecursively())
                .contains("agendapunt 5 „Strategiedag” toegevoegd");

        UI.getCurrent().navigate("vergaderingen/" + concept);
        assertThat(getCurrentView().getClass().getSimpleName()).contains("NotFound");
        assertThat(as.call(SECRETARY, () -> meetings.get(concept)).status()).isEqualTo(MeetingStatus.CONCEPT);
    }

    @Test
    @WithUserDetails(SECRETARY)
    void aSeriesFillsInANewMeeting() {
        UI.getCurrent().navigate("vergaderingen");
        test(find(Button.class).id("meeting-series")).click();
        test(find(Button.class, find(Dialog.class).single()).id("series-new")).click();
        Dialog dialog = find(Dialog.class).single();
        @SuppressWarnings("unchecked")
        Select<nl.tafel.spaces.SpaceSummary> spaceSelect = find(Select.class, dialog).id("series-space");
        spaceSelect.setValue(spaceSelect.getListDataView().getItems().filter(x -> x.id().equals(space.id()))
                .findFirst().orElseThrow());
        test(find(TextField.class, dialog).id("series-name")).setValue("Bestuur OL");
        test(find(IntegerField.class, dialog).id("series-duration")).setValue(90);
        test(find(Button.class, dialog).id("series-save")).click();
        List<nl.tafel.meetings.SeriesDetails> list = as.call(SECRETARY, () -> series.seriesOf(space.id()));
        assertThat(list).singleElement().satisfies(x -> {
            assertThat(x.durationMinutes()).isEqualTo(90);
            assertThat(x.template()).hasSize(6);
        });

        UI.getCurrent().navigate("vergaderingen");
        test(find(Button.class).id("meeting-new")).click();
        Dialog meeting = find(Dialog.class).single();
        @SuppressWarnings("unchecked")
        Select<nl.tafel.spaces.SpaceSummary> meetingSpace = find(Select.class, meeting).id("meeting-space");
        meetingSpace.setValue(meetingSpace.getListDataView().getItems().filter(x -> x.id().equals(space.id()))
                .findFirst().orElseThrow());
        @SuppressWarnings("unchecked")
        Select<nl.tafel.meetings.SeriesDetails> seriesSelect = find(Select.class, meeting).id("meeting-series-select");
        seriesSelect.setValue(list.getFirst());
        assertThat(find(TextField.class, meeting).id("meeting-title").getValue()).isEqualTo("Bestuur OL");
        assertThat(find(TimePicker.class, meeting).id("meeting-end").getValue()).isEqualTo(LocalTime.of(17, 30));
    }
}
