package nl.tafel.meetings;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestBoard;
import nl.tafel.TestConfig;
import nl.tafel.invitations.InvitationService;
import nl.tafel.invitations.internal.Inviter;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How a meeting ends: finishing closes the agenda, late publication and meetings recorded afterwards. */
@TafelTest
class MeetingEndTest {

    @Autowired
    MeetingService meetings;
    @Autowired
    AgendaService agenda;
    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    InvitationService invitations;
    @Autowired
    Inviter inviter;
    @Autowired
    TestBoard board;
    @Autowired
    TestConfig.TestClock clock;
    @Autowired
    RunAs as;

    SpaceId space;

    @BeforeEach
    void board() {
        space = board.space(TestBoard.unique("Ruimte einde"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private StoredDocument paper(String name) {
        return as.call(SECRETARY, () -> documents.upload(spaces.get(space).rootFolder(), name,
                new ByteArrayInputStream("stuk".getBytes(StandardCharsets.UTF_8)), -1));
    }

    private long version(MeetingId id) {
        return as.call(SECRETARY, () -> meetings.get(id)).agendaVersion();
    }

    @Test
    void finishingClosesTheAgendaAndItsPapers() {
        MeetingId id = board.meeting(space, TestBoard.unique("Afronden"), LocalDate.now(MeetingService.ZONE)
                .plusDays(1), null, null);
        AgendaItemId item = as.call(SECRETARY, () -> agenda.agenda(id)).get(1).id();
        StoredDocument attached = paper("Notulen.txt");
        as.run(SECRETARY, () -> agenda.attach(item, attached.documentId(), version(id)));
        as.run(SECRETARY, () -> meetings.publish(id));
        assertThatThrownBy(() -> as.run(SECRETARY, () -> meetings.finish(id))).as("not before it started")
                .isInstanceOf(TafelException.class).hasMessageContaining("meetings.error.notFinishable");
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> as.run(MEMBER, () -> meetings.finish(id))).isInstanceOf(RuntimeException.class);
        as.run(SECRETARY, () -> meetings.finish(id));
        assertThat(as.call(READER, () -> meetings.get(id)).status()).isEqualTo(MeetingStatus.FINISHED);

        StoredDocument other = paper("Later.txt");
        long v = version(id);
        assertThatThrownBy(() -> as.call(SECRETARY, () -> agenda.addItem(id, null, new ItemDraft("Nog iets",
                ItemPurpose.DISCUSSION, null, 5, null), v))).hasMessageContaining("meetings.error.closed");
        assertThatThrownBy(() -> as.run(SECRETARY, () -> agenda.attach(item, other.documentId(), v)))
                .hasMessageContaining("meetings.error.closed");
        assertThatThrownBy(() -> as.run(SECRETARY, () -> agenda.detach(item, attached.documentId(), v)))
                .hasMessageContaining("meetings.error.closed");
        assertThatThrownBy(() -> as.call(SECRETARY, () -> agenda.upload(item, "Te laat.txt",
                new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), -1)))
                .hasMessageContaining("meetings.error.closed");
        assertThat(as.call(SECRETARY, () -> agenda.agenda(id)).get(1).documents())
                .extracting(AgendaItemView.Attachment::name).containsExactly("Notulen.txt");
        assertThat(as.call(SECRETARY, () -> documents.list(agenda.meetingFolder(id), 0, 100,
                nl.tafel.spaces.FolderSort.BY_NAME))).as("nothing stored for a closed agenda")
                .noneMatch(f -> f.toString().contains("Te laat"));
        assertThatThrownBy(() -> as.run(SECRETARY, () -> meetings.cancel(id))).hasMessageContaining(
                "meetings.error.closed");
    }

    @Test
    void aMeetingPublishedAfterItsStartSendsNoInvitationsUnlessChosen() {
        LocalDate tomorrow = LocalDate.now(MeetingService.ZONE).plusDays(1);
        MeetingId quiet = board.meeting(space, TestBoard.unique("Laat"), tomorrow, null, null);
        MeetingId invited = board.meeting(space, TestBoard.unique("Laat toch"), tomorrow, null, null);
        clock.advance(Duration.ofDays(2));
        as.run(SECRETARY, () -> meetings.publish(quiet));
        as.run(SECRETARY, () -> meetings.publish(invited, true));
        CurrentUser.runAsSystem(() -> inviter.sync(quiet));
        CurrentUser.runAsSystem(() -> inviter.sync(invited));
        assertThat(as.call(SECRETARY, () -> meetings.get(quiet)).sendsInvitations()).isFalse();
        assertThat(as.call(SECRETARY, () -> invitations.answers(quiet))).as("nobody invited").isEmpty();
        assertThat(as.call(SECRETARY, () -> invitations.answers(invited))).as("the planner chose to invite")
                .isNotEmpty();
    }

    @Test
    void anEarlierMeetingIsRecordedWithoutInvitations() {
        LocalDate past = LocalDate.now(MeetingService.ZONE).minusYears(2);
        MeetingDraft draft = new MeetingDraft("Bestuursvergadering 2024", past, LocalTime.of(19, 30),
                LocalTime.of(21, 30), MeetingForm.PHYSICAL, "Clubhuis", null, null, null);
        assertThatThrownBy(() -> as.call(SECRETARY, () -> meetings.create(space, draft)))
                .as("an ordinary meeting is not planned in the past").isInstanceOf(FieldException.class);
        MeetingDraft future = new MeetingDraft("Toekomst", LocalDate.now(MeetingService.ZONE).plusDays(3),
                LocalTime.of(19, 30), LocalTime.of(21, 30), MeetingForm.PHYSICAL, null, null, null, null);
        assertThatThrownBy(() -> as.call(SECRETARY, () -> meetings.createArchived(space, future, null)))
                .isInstanceOf(FieldException.class).hasMessageContaining("meetings.error.archiveNotPast");
        assertThatThrownBy(() -> as.call(MEMBER, () -> meetings.createArchived(space, draft, null)))
                .isInstanceOf(TafelException.class);

        MeetingId id = as.call(SECRETARY, () -> meetings.createArchived(space, draft, null)).id();
        MeetingDetails recorded = as.call(SECRETARY, () -> meetings.get(id));
        assertThat(recorded.archive()).isTrue();
        assertThat(recorded.sendsInvitations()).isFalse();
        AgendaItemId item = as.call(SECRETARY, () -> agenda.agenda(id)).get(4).id();
        as.call(SECRETARY, () -> agenda.addItem(id, null, new ItemDraft("Begroting 2024", ItemPurpose.DECISION,
                null, 20, null), version(id)));
        StoredDocument paper = paper("Begroting 2024.txt");
        as.run(SECRETARY, () -> agenda.attach(item, paper.documentId(), version(id)));
        as.run(SECRETARY, () -> meetings.publish(id, true));
        CurrentUser.runAsSystem(() -> inviter.sync(id));
        assertThat(as.call(SECRETARY, () -> meetings.get(id)).sendsInvitations()).as("never, even when asked")
                .isFalse();
        assertThat(as.call(SECRETARY, () -> invitations.answers(id))).isEmpty();
        assertThat(as.call(READER, () -> meetings.myMeetings(java.time.Instant.now().minus(Duration.ofDays(800)),
                java.time.Instant.now()))).filteredOn(m -> m.id().equals(id))
                .extracting(MeetingSummary::archive).containsExactly(true);
    }
}
