package nl.tafel.meetings;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Meetings and agendas on the real database: who plans, who sees, numbering, times, documents, concurrency. */
@TafelTest
class MeetingServiceTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;

    SpaceDetails space;
    LocalDate nextMonth = LocalDate.now(MeetingService.ZONE).plusMonths(1);

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

    private MeetingDraft draft(String title) {
        return new MeetingDraft(title, nextMonth, LocalTime.of(19, 30), LocalTime.of(21, 30), MeetingForm.PHYSICAL,
                "Stadhuis Leiden, kamer 2.14", null, null, null);
    }

    private MeetingId create(String title) {
        return as.call(SECRETARY, () -> meetings.create(space.id(), draft(title))).id();
    }

    @Test
    void aNewMeetingStartsWithTheStandingItemsNumberedAndTimed() {
        MeetingId id = create("Bestuursvergadering");
        List<AgendaItemView> items = as.call(SECRETARY, () -> agenda.agenda(id));
        assertThat(items).extracting(AgendaItemView::number, AgendaItemView::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "Opening en vaststellen agenda"),
                org.assertj.core.groups.Tuple.tuple("2", "Notulen vorige vergadering"),
                org.assertj.core.groups.Tuple.tuple("3", "Actielijst"),
                org.assertj.core.groups.Tuple.tuple("4", "Ingekomen stukken en mededelingen"),
                org.assertj.core.groups.Tuple.tuple("5", "Rondvraag"),
                org.assertj.core.groups.Tuple.tuple("6", "Sluiting"));
        Instant start = nextMonth.atTime(19, 30).atZone(MeetingService.ZONE).toInstant();
        assertThat(items.get(0).startsAt()).isEqualTo(start);
        assertThat(items.get(1).startsAt()).isEqualTo(start.plusSeconds(5 * 60));
        assertThat(items.get(4).startsAt()).isEqualTo(start.plusSeconds(35 * 60));
    }

    @Test
    void itemsGoBeforeRondvraagAndSubItemsAreNumberedUnderTheirItem() {
        MeetingId id = create("Bestuursvergadering");
        long v0 = version(id);
        AgendaItemId begroting = as.call(SECRETARY, () -> agenda.addItem(id, null,
                new ItemDraft("Begroting 2026", ItemPurpose.DECISION, "Jan Walter", 20, null), v0));
        as.call(SECRETARY, () -> agenda.addItem(id, begroting,
                new ItemDraft("Toelichting penningmeester", ItemPurpose.INFORMATION, null, 10, null), v0 + 1));
        List<AgendaItemView> items = as.call(SECRETARY, () -> agenda.agenda(id));
        assertThat(items).extracting(AgendaItemView::number, AgendaItemView::title).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple("4", "Ingekomen stukken en mededelingen"),
                org.assertj.core.groups.Tuple.tuple("5", "Begroting 2026"),
                org.assertj.core.groups.Tuple.tuple("5.1", "Toelichting penningmeester"),
                org.assertj.core.groups.Tuple.tuple("6", "Rondvraag"));
        // Drag "Begroting 2026" to the top: everything renumbers.
        as.run(SECRETARY, () -> agenda.moveItem(begroting, null, 0, v0 + 2));
        items = as.call(SECRETARY, () -> agenda.agenda(id));
        assertThat(items.get(0).title()).isEqualTo("Begroting 2026");
        assertThat(items.get(1).number()).isEqualTo("1.1");
        assertThat(items.get(2)).extracting(AgendaItemView::number, AgendaItemView::title)
                .containsExactly("2", "Opening en vaststellen agenda");
        // An item with sub-items cannot become a sub-item itself: two levels only.
        AgendaItemId opening = items.get(2).id();
        assertThatThrownBy(() -> as.run(SECRETARY, () -> agenda.moveItem(begroting, opening, 0, v0 + 3)))
                .isInstanceOf(TafelException.class).extracting("messageKey").isEqualTo("meetings.error.depth");
    }

    @Test
    void twoPeopleEditingTheSameAgendaLoseNothing() {
        MeetingId id = create("Bestuursvergadering");
        long seen = version(id);
        as.call(SECRETARY, () -> agenda.addItem(id, null, new ItemDraft("Eerste", ItemPurpose.DISCUSSION, null, 5,
                null), seen));
        assertThatThrownBy(() -> as.call(SECRETARY, () -> agenda.addItem(id, null,
                new ItemDraft("Tweede", ItemPurpose.DISCUSSION, null, 5, null), seen)))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(as.call(SECRETARY, () -> agenda.agenda(id))).extracting(AgendaItemView::title)
                .contains("Eerste").doesNotContain("Tweede");
    }

    @Test
    void badTimesAndDatesAreRefusedAndAMissingLinkIsAWarning() {
        MeetingDraft endFirst = new MeetingDraft("Vergadering", nextMonth, LocalTime.of(20, 0), LocalTime.of(19, 0),
                MeetingForm.PHYSICAL, "Stadhuis", null, null, null);
        assertThatThrownBy(() -> as.call(SECRETARY, () -> meetings.create(space.id(), endFirst)))
                .isInstanceOf(FieldException.class).extracting("field", "messageKey")
                .containsExactly("end", "meetings.error.endBeforeStart");
        MeetingDraft past = new MeetingDraft("Vergadering", LocalDate.now(MeetingService.ZONE).minusDays(1),
                LocalTime.of(19, 0), LocalTime.of(20, 0), MeetingForm.PHYSICAL, "Stadhuis", null, null, null);
        assertThatThrownBy(() -> as.call(SECRETARY, () -> meetings.create(space.id(), past)))
                .isInstanceOf(FieldException.class).extracting("field", "messageKey")
                .containsExactly("date", "meetings.error.inPast");
        MeetingDraft badLink = new MeetingDraft("Vergadering", nextMonth, LocalTime.of(19, 0), LocalTime.of(20, 0),
                MeetingForm.ONLINE, null, "javascript:alert(1)", null, null);
        assertThatThrownBy(() -> as.call(SECRETARY, () -> meetings.create(space.id(), badLink)))
                .isInstanceOf(FieldException.class).extracting("messageKey").isEqualTo("meetings.error.link");
        MeetingDraft online = new MeetingDraft("Online overleg", nextMonth, LocalTime.of(19, 0), LocalTime.of(20, 0),
                MeetingForm.ONLINE, null, null, null, null);
        MeetingService.Saved saved = as.call(SECRETARY, () -> meetings.create(space.id(), online));
        assertThat(saved.warnings()).containsExactly("meetings.warning.noLink");
        ZonedDateTime start = as.call(SECRETARY, () -> meetings.get(saved.id())).startsAt()
                .atZone(MeetingService.ZONE);
        assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(19, 0));
    }

    @Test
    void conceptsAreHiddenFromReadersUntilPublished() {
        MeetingId id = create("Concept vergadering");
        assertThatThrownBy(() -> as.call(READER, () -> meetings.get(id)))
                .isInstanceOf(MeetingNotFoundException.class);
        assertThatThrownBy(() -> as.call(READER, () -> agenda.agenda(id)))
                .isInstanceOf(MeetingNotFoundException.class);
        Instant from = Instant.now();
        Instant to = Instant.now().plus(java.time.Duration.ofDays(60));
        assertThat(as.call(READER, () -> meetings.myMeetings(from, to))).noneMatch(m -> m.id().equals(id));
        as.run(SECRETARY, () -> meetings.publish(id));
        assertThat(as.call(READER, () -> meetings.get(id)).status()).isEqualTo(MeetingStatus.PUBLISHED);
        assertThat(as.call(READER, () -> meetings.myMeetings(from, to))).anyMatch(m -> m.id().equals(id));
        // Outsiders never see it; readers and contributors do not plan.
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> meetings.get(id)))
                .isInstanceOf(MeetingNotFoundException.class);
        long version = version(id);
        assertThatThrownBy(() -> as.call(MEMBER, () -> agenda.addItem(id, null,
                new ItemDraft("Van een lid", ItemPurpose.INFORMATION, null, 5, null), version)))
                .isInstanceOf(TafelException.class).extracting("messageKey").isEqualTo("meetings.error.notPlanner");
    }

    @Test
    void documentsAddedAfterPublicationAreLateAndChangesAreRecorded() throws Exception {
        MeetingId id = create("Bestuursvergadering");
        AgendaItemId notulen = as.call(SECRETARY, () -> agenda.agenda(id)).get(1).id();
        StoredDocument concept = as.call(SECRETARY, () -> agenda.upload(notulen, "Notulen december.pdf",
                sample("notulen-bestuur-2025-12.pdf"), -1));
        assertThat(as.call(SECRETARY, () -> documents.document(concept.documentId())).folder().fullPath())
                .endsWith("/Vergaderingen/" + nextMonth + " Bestuursvergadering");
        as.run(SECRETARY, () -> meetings.publish(id));
        StoredDocument late = as.call(SECRETARY, () -> documents.upload(space.rootFolder(), "Jaarverslag.pdf",
                sample("jaarverslag-2025.pdf"), -1));
        as.run(SECRETARY, () -> agenda.attach(notulen, late.documentId(), version(id)));
        AgendaItemView item = as.call(READER, () -> agenda.agenda(id)).get(1);
        assertThat(item.documents()).extracting(AgendaItemView.Attachment::name, AgendaItemView.Attachment::late)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Notulen december.pdf", false),
                        org.assertj.core.groups.Tuple.tuple("Jaarverslag.pdf", true));
        // Reorder within the item.
        as.run(SECRETARY, () -> agenda.moveDocument(notulen, late.documentId(), 0, version(id)));
        assertThat(as.call(READER, () -> agenda.agenda(id)).get(1).documents().getFirst().name())
                .isEqualTo("Jaarverslag.pdf");
        MeetingDetails details = as.call(READER, () -> meetings.get(id));
        assertThat(details.changesAfterPublication()).extracting(MeetingDetails.AgendaChange::messageKey)
                .containsExactly("agendaChange.documentLateAt", "agendaChange.documentsReordered");
        assertThat(details.changesAfterPublication().getFirst().by()).isEqualTo("Sanne Secretaris");
    }

    @Test
    void aDocumentFromASpaceTheSecretaryCannotReadIsRefused() {
        MeetingId id = create("Bestuursvergadering");
        AgendaItemId item = as.call(SECRETARY, () -> agenda.agenda(id)).getFirst().id();
        SpaceId other = as.call(nl.tafel.TestAccounts.ADMIN, () -> spaces.create("Geheim " + UUID.randomUUID()
                .toString().substring(0, 6), null));
        StoredDocument secret = as.call(nl.tafel.TestAccounts.ADMIN, () -> documents.upload(
                spaces.get(other).rootFolder(), "Geheim.txt", new java.io.ByteArrayInputStream("x".getBytes()),
                1));
        assertThatThrownBy(() -> as.run(SECRETARY, () -> agenda.attach(item, secret.documentId(), version(id))))
                .isInstanceOf(TafelException.class).extracting("messageKey")
                .isEqualTo("meetings.error.documentNotReadable");
    }

    private long version(MeetingId id) {
        return as.call(SECRETARY, () -> meetings.get(id)).agendaVersion();
    }

    private static InputStream sample(String name) {
        return MeetingServiceTest.class.getResourceAsStream("/samples/" + name);
    }
}
