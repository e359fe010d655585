package nl.tafel.meetings;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Meeting series: defaults and an agenda template per series, used by the meetings created from it. */
@TafelTest
class SeriesServiceTest {

    @Autowired
    SeriesService series;
    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;
    @Autowired
    nl.tafel.TestConfig.TestClock clock;

    SpaceId space;

    @BeforeEach
    void createSpace() {
        space = as.call(SECRETARY, () -> {
            SpaceId id = spaces.create("Werkgroep " + UUID.randomUUID().toString().substring(0, 8), null);
            spaces.setMember(id, accounts.findByEmail(MEMBER).orElseThrow().id(), SpaceRole.CONTRIBUTOR);
            return id;
        });
    }

    @Test
    void aSeriesTemplateShapesTheAgendaOfItsMeetings() {
        SeriesId id = as.call(SECRETARY, () -> series.create(space, "Werkgroep Mobiliteit", MeetingForm.HYBRID,
                "Stadhuis", LocalTime.of(16, 0), 90, "Minstens de helft van de leden"));
        SeriesDetails created = as.call(MEMBER, () -> series.get(id));
        assertThat(created.template()).extracting(TemplateItem::title).containsExactly(
                "Opening en vaststellen agenda", "Notulen vorige vergadering", "Actielijst",
                "Ingekomen stukken en mededelingen", "Rondvraag", "Sluiting");
        // The secretary trims the template: no incoming mail, a fixed item about parking, shorter closing.
        List<TemplateItem> template = new ArrayList<>();
        template.add(new TemplateItem("Opening", ItemPurpose.INFORMATION, 5, false));
        template.add(new TemplateItem("Stand van zaken parkeerbeleid", ItemPurpose.DISCUSSION, 15, false));
        template.add(new TemplateItem("Wat verder ter tafel komt", ItemPurpose.DISCUSSION, 5, true));
        as.run(SECRETARY, () -> series.update(new SeriesDetails(id, space, "Werkgroep Mobiliteit", MeetingForm.HYBRID,
                "Stadhuis", LocalTime.of(16, 0), 90, null, template, created.version())));
        assertThatThrownBy(() -> as.run(SECRETARY, () -> series.update(created)))
                .isInstanceOf(ConcurrentEditException.class);

        MeetingId meeting = as.call(SECRETARY, () -> meetings.create(space, new MeetingDraft("Werkgroep Mobiliteit",
                LocalDate.now(MeetingService.ZONE).plusDays(10), LocalTime.of(16, 0), LocalTime.of(17, 30),
                MeetingForm.HYBRID, "Stadhuis", "https://teams.example/m", null, null), id)).id();
        as.call(SECRETARY, () -> agenda.addItem(meeting, null, new ItemDraft("Jaarbijeenkomst", ItemPurpose.DECISION,
                null, 20, null), meetings.get(meeting).agendaVersion()));
        assertThat(as.call(SECRETARY, () -> agenda.agenda(meeting))).extracting(AgendaItemView::number,
                AgendaItemView::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "Opening"),
                org.assertj.core.groups.Tuple.tuple("2", "Stand van zaken parkeerbeleid"),
                org.assertj.core.groups.Tuple.tuple("3", "Jaarbijeenkomst"),
                org.assertj.core.groups.Tuple.tuple("4", "Wat verder ter tafel komt"));
    }

    @Test
    void aMeetingOfASeriesShowsItsQuorumAndIsFinishedOnceItHasStarted() {
        SeriesId id = as.call(SECRETARY, () -> series.create(space, "Bestuur", MeetingForm.PHYSICAL, "Stadhuis",
                LocalTime.of(16, 0), 120, "Minstens vier bestuursleden"));
        MeetingId meeting = as.call(SECRETARY, () -> meetings.create(space, new MeetingDraft("Bestuur",
                LocalDate.now(MeetingService.ZONE).plusDays(3), LocalTime.of(16, 0), LocalTime.of(18, 0),
                MeetingForm.PHYSICAL, "Stadhuis", null, null, null), id)).id();
        assertThatThrownBy(() -> as.call(MEMBER, () -> meetings.get(meeting)))
                .isInstanceOf(MeetingNotFoundException.class);
        as.run(SECRETARY, () -> meetings.publish(meeting));
        assertThat(as.call(MEMBER, () -> meetings.get(meeting)).quorum()).isEqualTo("Minstens vier bestuursleden");
        assertThatThrownBy(() -> as.run(SECRETARY, () -> meetings.finish(meeting)))
                .isInstanceOf(TafelException.class).extracting("messageKey")
                .isEqualTo("meetings.error.notFinishable");
        clock.advance(java.time.Duration.ofDays(4));
        try {
            as.run(SECRETARY, () -> meetings.finish(meeting));
            assertThat(as.call(MEMBER, () -> meetings.get(meeting)).status()).isEqualTo(MeetingStatus.FINISHED);
            long version = as.call(SECRETARY, () -> meetings.get(meeting)).agendaVersion();
            assertThatThrownBy(() -> as.call(SECRETARY, () -> agenda.addItem(meeting, null, new ItemDraft("Te laat",
                    ItemPurpose.INFORMATION, null, 5, null), version))).isInstanceOf(TafelException.class)
                    .extracting("messageKey").isEqualTo("meetings.error.closed");
        } finally {
            clock.reset();
        }
    }

    @Test
    void onlyPlannersKeepSeries() {
        assertThatThrownBy(() -> as.call(MEMBER, () -> series.create(space, "Eigen reeks", MeetingForm.ONLINE, null,
                LocalTime.of(9, 0), 60, null))).isInstanceOf(TafelException.class).extracting("messageKey")
                .isEqualTo("meetings.error.notPlanner");
        assertThatThrownBy(() -> as.call(SECRETARY, () -> series.create(space, "Te kort", MeetingForm.ONLINE, null,
                LocalTime.of(9, 0), 5, null))).isInstanceOf(TafelException.class).extracting("messageKey")
                .isEqualTo("series.error.duration");
        assertThat(as.call(MEMBER, () -> series.seriesOf(space))).isEmpty();
    }
}
