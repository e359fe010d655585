package nl.tafel.minutes;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.text.Markdown;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Minutes on the real database: who writes and reads in which state, conflicts, decisions, sanitizing. */
@TafelTest
class MinutesTest {

    @Autowired
    MinutesService minutes;
    @Autowired
    MeetingService meetings;
    @Autowired
    SpaceService spaces;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    RunAs as;

    SpaceId space;
    MeetingId meeting;
    AgendaItemId opening;

    @Autowired
    nl.tafel.TestBoard board;

    @BeforeEach
    void publishedMeeting() {
        String title = nl.tafel.TestBoard.unique("Bestuur");
        space = board.space("Ruimte " + title);
        meeting = board.meeting(space, title, LocalDate.now(MeetingService.ZONE).plusWeeks(1), null, MEMBER);
        opening = as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().itemId();
    }

    private void publish() {
        as.run(SECRETARY, () -> meetings.publish(meeting));
    }

    @Test
    void theWorkflowDecidesWhoWritesAndWhoReads() {
        assertThatThrownBy(() -> as.call(SECRETARY, () -> minutes.saveText(meeting, opening, "Te vroeg", 0)))
                .as("not before the meeting is published").isInstanceOf(TafelException.class)
                .hasMessageContaining("minutes.error.notHeld");
        publish();
        long v = as.call(MEMBER, () -> minutes.saveText(meeting, opening, "De voorzitter opent om 16:02.", 0));
        assertThat(v).as("the minute taker writes").isEqualTo(1);
        assertThatThrownBy(() -> as.call(READER, () -> minutes.get(meeting))).as("concept: writers only")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.call(READER, () -> minutes.saveText(meeting, opening, "x", 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as.call(OUTSIDER, () -> minutes.get(meeting))).isInstanceOf(RuntimeException.class);

        as.run(SECRETARY, () -> minutes.circulate(meeting));
        MinutesDetails read = as.call(READER, () -> minutes.get(meeting));
        assertThat(read.status()).isEqualTo(MinutesStatus.CIRCULATED);
        assertThat(read.canWrite()).isFalse();
        assertThat(read.items().getFirst().text()).isEqualTo("De voorzitter opent om 16:02.");

        as.run(SECRETARY, () -> minutes.approve(meeting));
        assertThat(as.call(READER, () -> minutes.get(meeting)).status()).isEqualTo(MinutesStatus.APPROVED);
        assertThat(as.call(READER, () -> meetings.get(meeting)).status()).as("approving finishes the meeting")
                .isEqualTo(nl.tafel.meetings.MeetingStatus.FINISHED);
        assertThatThrownBy(() -> as.call(SECRETARY, () -> minutes.saveText(meeting, opening, "Later", 1)))
                .isInstanceOf(TafelException.class).hasMessageContaining("minutes.error.locked");
        assertThatThrownBy(() -> as.call(SECRETARY, () -> minutes.addDecision(meeting, opening, "Later")))
                .isInstanceOf(TafelException.class).hasMessageContaining("minutes.error.locked");
        assertThat(as.call(SECRETARY, () -> minutes.get(meeting)).canWrite()).isFalse();

        assertThatThrownBy(() -> as.run(MEMBER, () -> minutes.revise(meeting))).isInstanceOf(AccessDeniedException.class);
        as.run(SECRETARY, () -> minutes.revise(meeting));
        as.call(SECRETARY, () -> minutes.saveText(meeting, opening, "Gecorrigeerd: de voorzitter opent om 16:05.", 1));
        nl.tafel.spaces.StoredDocument second = as.call(SECRETARY, () -> minutes.approve(meeting));
        assertThat(second.versionNumber()).as("the approved PDF gets a new version").isEqualTo(2);
        assertThat(second.newDocument()).isFalse();
    }

    @Test
    void attendanceStartsFromTheAnswersAndTheApprovedMinutesAreFiledAsAPdf() throws Exception {
        publish();
        nl.tafel.shared.CurrentUser.runAsSystem(() -> inviter.sync(meeting));
        as.run(MEMBER, () -> invitations.answer(meeting, nl.tafel.invitations.Answer.DECLINED,
                invitations.myVersion(meeting)));
        as.run(READER, () -> invitations.answer(meeting, nl.tafel.invitations.Answer.ACCEPTED,
                invitations.myVersion(meeting)));
        assertThat(as.call(MEMBER, () -> minutes.get(meeting)).attendance()).as("not before the minute taker asks")
                .isEmpty();
        List<Attendee> list = as.call(MEMBER, () -> minutes.takeAttendance(meeting));
        assertThat(list).extracting(Attendee::name, Attendee::presence, Attendee::confirmed).contains(
                org.assertj.core.groups.Tuple.tuple(name(MEMBER), Presence.ABSENT_WITH_NOTICE, false),
                org.assertj.core.groups.Tuple.tuple(name(READER), Presence.PRESENT, false),
                org.assertj.core.groups.Tuple.tuple(name(SECRETARY), Presence.UNKNOWN, false));
        Attendee secretary = list.stream().filter(a -> a.name().equals(name(SECRETARY))).findFirst().orElseThrow();
        Attendee reader = list.stream().filter(a -> a.name().equals(name(READER))).findFirst().orElseThrow();
        as.run(MEMBER, () -> minutes.setPresence(meeting, secretary.position(), Presence.PRESENT));
        as.run(MEMBER, () -> minutes.confirmPresence(meeting, reader.position()));
        assertThat(as.call(MEMBER, () -> minutes.get(meeting)).attendance())
                .filteredOn(a -> !a.guest()).extracting(Attendee::name, Attendee::presence, Attendee::confirmed)
                .contains(org.assertj.core.groups.Tuple.tuple(name(SECRETARY), Presence.PRESENT, true),
                        org.assertj.core.groups.Tuple.tuple(name(READER), Presence.PRESENT, true),
                        org.assertj.core.groups.Tuple.tuple(name(MEMBER), Presence.ABSENT_WITH_NOTICE, false));
        assertThatThrownBy(() -> as.run(READER, () -> minutes.confirmPresence(meeting, reader.position())))
                .isInstanceOf(AccessDeniedException.class);
        as.run(MEMBER, () -> minutes.addGuest(meeting, "A. Boon (gemeente)"));
        assertThat(as.call(MEMBER, () -> minutes.takeAttendance(meeting))).as("taken once, then corrected")
                .hasSize(4).filteredOn(Attendee::guest).extracting(Attendee::name).containsExactly("A. Boon (gemeente)");

        as.call(MEMBER, () -> minutes.saveText(meeting, opening, "De voorzitter opent de vergadering om 16:02.", 0));
        Decision decision = as.call(MEMBER, () -> minutes.addDecision(meeting, opening, "De agenda wordt vastgesteld."));
        assertThatThrownBy(() -> as.call(MEMBER, () -> minutes.approve(meeting))).as("the minute taker alone does not")
                .isInstanceOf(AccessDeniedException.class);
        nl.tafel.spaces.StoredDocument pdf = as.call(SECRETARY, () -> minutes.approve(meeting));
        assertThat(pdf.name()).startsWith("Notulen ").endsWith("(vastgesteld).pdf");
        String text = as.call(READER, () -> {
            try (var in = documents.currentContent(pdf.documentId()).open();
                    var doc = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(text).contains("Aanwezig: ").contains(name(READER)).contains("Afwezig met kennisgeving: " + name(MEMBER))
                .contains("A. Boon (gemeente)").contains("De voorzitter opent de vergadering om 16:02.")
                .contains("Besluit " + decision.number());
    }

    @Test
    void theQuorumRuleOfTheSeriesIsCheckedAtTheOpening() {
        nl.tafel.meetings.SeriesId seriesId = as.call(SECRETARY, () -> seriesService.create(space, "Bestuur",
                nl.tafel.meetings.MeetingForm.PHYSICAL, "Stadhuis", java.time.LocalTime.of(19, 30), 120,
                "Meer dan de helft van de leden"));
        nl.tafel.meetings.SeriesDetails s = as.call(SECRETARY, () -> seriesService.get(seriesId));
        as.run(SECRETARY, () -> seriesService.update(new nl.tafel.meetings.SeriesDetails(s.id(), s.spaceId(),
                s.name(), s.form(), s.location(), s.start(), s.durationMinutes(), s.quorum(), s.template(),
                s.version(), 51)));
        MeetingId held = as.call(SECRETARY, () -> meetings.create(space, new nl.tafel.meetings.MeetingDraft(
                "Met quorum", LocalDate.now(MeetingService.ZONE).plusDays(3), java.time.LocalTime.of(19, 30),
                java.time.LocalTime.of(21, 30), nl.tafel.meetings.MeetingForm.PHYSICAL, "Stadhuis", null, null,
                null), seriesId)).id();
        as.run(SECRETARY, () -> meetings.publish(held));
        nl.tafel.shared.CurrentUser.runAsSystem(() -> inviter.sync(held));
        as.run(READER, () -> invitations.answer(held, nl.tafel.invitations.Answer.ACCEPTED,
                invitations.myVersion(held)));
        as.call(SECRETARY, () -> minutes.takeAttendance(held));
        Quorum before = as.call(SECRETARY, () -> minutes.get(held)).quorum();
        assertThat(before).isNotNull();
        assertThat(before.rule()).isEqualTo("Meer dan de helft van de leden");
        assertThat(before.members()).isEqualTo(3);
        assertThat(before.present()).isEqualTo(1);
        assertThat(before.unknown()).as("no answer is not absent").isEqualTo(2);
        assertThat(before.met()).isFalse();
        Attendee secretary = as.call(SECRETARY, () -> minutes.get(held)).attendance().stream()
                .filter(a -> a.name().equals(name(SECRETARY))).findFirst().orElseThrow();
        as.run(SECRETARY, () -> minutes.setPresence(held, secretary.position(), Presence.PRESENT));
        Quorum after = as.call(SECRETARY, () -> minutes.get(held)).quorum();
        assertThat(after.present()).isEqualTo(2);
        assertThat(after.met()).as("2 of 3 is at least 51%").isTrue();
        assertThat(as.call(SECRETARY, () -> minutes.get(meeting)).quorum()).as("no series, no rule").isNull();
    }

    @Autowired
    nl.tafel.meetings.SeriesService seriesService;
    @Autowired
    nl.tafel.invitations.InvitationService invitations;
    @Autowired
    nl.tafel.invitations.internal.Inviter inviter;
    @Autowired
    nl.tafel.spaces.DocumentService documents;

    private String name(String email) {
        return accounts.findByEmail(email).orElseThrow().displayName();
    }

    @Test
    void theNextMeetingApprovesThePreviousMinutes() {
        publish();
        MeetingId next = board.published(space, "Volgende vergadering", 28);
        MinutesDetails nextMinutes = as.call(SECRETARY, () -> minutes.get(next));
        assertThat(nextMinutes.items()).filteredOn(MinutesDetails.Item::previousMinutes)
                .extracting(MinutesDetails.Item::title).containsExactly("Notulen vorige vergadering");
        MinutesService.Previous previous = as.call(SECRETARY, () -> minutes.previous(next)).orElseThrow();
        assertThat(previous.meetingId()).isEqualTo(meeting);
        assertThat(as.call(SECRETARY, () -> minutes.previous(meeting))).isEmpty();
        as.call(SECRETARY, () -> minutes.approve(previous.meetingId()));
        assertThat(as.call(SECRETARY, () -> minutes.previous(next)).orElseThrow().status())
                .isEqualTo(MinutesStatus.APPROVED);
    }

    @Test
    void membersCommentOnCirculatedMinutesAndTheSecretaryProcessesTheComments() {
        publish();
        assertThatThrownBy(() -> as.run(READER, () -> minutes.comment(meeting, opening, "Te vroeg")))
                .isInstanceOf(TafelException.class);
        as.run(SECRETARY, () -> minutes.circulate(meeting));
        as.run(READER, () -> minutes.comment(meeting, opening, "Ik was er ook bij: graag mijn naam toevoegen."));
        assertThatThrownBy(() -> as.run(READER, () -> minutes.comment(meeting, opening, "<b>x</b>")))
                .isInstanceOf(FieldException.class);
        Comment comment = as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().comments().getFirst();
        assertThat(comment.text()).isEqualTo("Ik was er ook bij: graag mijn naam toevoegen.");
        assertThat(comment.resolvedAt()).isNull();
        assertThatThrownBy(() -> as.run(READER, () -> minutes.resolveComment(meeting, comment.id())))
                .isInstanceOf(AccessDeniedException.class);
        as.run(SECRETARY, () -> minutes.resolveComment(meeting, comment.id()));
        assertThat(as.call(READER, () -> minutes.get(meeting)).items().getFirst().comments().getFirst().resolvedAt())
                .isNotNull();
    }

    @Test
    void aStaleSaveIsRefusedWithTheOtherTextToMerge() {
        publish();
        long mine = as.call(SECRETARY, () -> minutes.saveText(meeting, opening, "Eerste versie", 0));
        as.call(MEMBER, () -> minutes.saveText(meeting, opening, "Versie van de notulist", mine));
        assertThatThrownBy(() -> as.call(SECRETARY, () -> minutes.saveText(meeting, opening, "Mijn wijziging",
                mine))).isInstanceOfSatisfying(MinutesConflict.class, c -> {
                    assertThat(c.theirText()).isEqualTo("Versie van de notulist");
                    assertThat(c.theirVersion()).isEqualTo(2);
                    assertThat(c.theirName()).isNotBlank();
                });
        assertThat(as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().text())
                .isEqualTo("Versie van de notulist");
    }

    @Test
    void twoSessionsSavingAThousandTimesLoseNothing() throws Exception {
        publish();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> saved = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> sessions = new ArrayList<>();
        for (String who : List.of(SECRETARY, MEMBER)) {
            sessions.add(Thread.ofPlatform().start(() -> as.run(who, () -> {
                String text = "";
                long version = 0;
                List<String> pending = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    String marker = "[" + who + "#" + i + "]";
                    pending.add(marker);
                    String attempt = text + String.join("", pending);
                    try {
                        version = minutes.saveText(meeting, opening, attempt, version);
                        text = attempt;
                        saved.addAll(pending);
                        pending.clear();
                    } catch (MinutesConflict c) {
                        conflicts.incrementAndGet();
                        // merge: their text plus what this session had not saved yet
                        text = c.theirText();
                        version = c.theirVersion();
                    }
                }
                // the last pending markers are saved after a merge
                while (!pending.isEmpty()) {
                    String attempt = text + String.join("", pending);
                    try {
                        version = minutes.saveText(meeting, opening, attempt, version);
                        saved.addAll(pending);
                        pending.clear();
                    } catch (MinutesConflict c) {
                        conflicts.incrementAndGet();
                        text = c.theirText();
                        version = c.theirVersion();
                    }
                }
            })));
        }
        for (Thread t : sessions) {
            t.join();
        }
        String result = as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().text();
        assertThat(saved).hasSize(1000);
        List<String> lost = saved.stream().filter(m -> !result.contains(m)).toList();
        assertThat(lost).as("silent overwrites").isEmpty();
        assertThat(conflicts.get()).as("the sessions did collide").isPositive();
    }

    @Test
    void decisionsAreNumberedPerYearAndFoundInTheRegister() {
        publish();
        assertThatThrownBy(() -> as.call(SECRETARY, () -> minutes.addDecision(meeting, opening, "  ")))
                .isInstanceOf(FieldException.class).hasMessageContaining("minutes.error.emptyDecision");
        Decision first = as.call(SECRETARY, () -> minutes.addDecision(meeting, opening,
                "Het bestuur stemt in met de overgang naar SharePoint in 2026."));
        Decision second = as.call(MEMBER, () -> minutes.addDecision(meeting, opening,
                "De begroting 2027 wordt vastgesteld."));
        assertThat(first.number()).matches("B-\\d{4}-\\d{3}");
        int a = Integer.parseInt(first.number().substring(7));
        assertThat(second.number()).isEqualTo(first.number().substring(0, 7) + String.format("%03d", a + 1));
        assertThat(as.call(SECRETARY, () -> minutes.get(meeting)).items().getFirst().decisions())
                .extracting(Decision::number).containsExactly(first.number(), second.number());

        assertThat(as.call(READER, () -> minutes.register(space, null))).as("concept decisions are not yet public")
                .isEmpty();
        as.run(SECRETARY, () -> minutes.circulate(meeting));
        assertThat(as.call(READER, () -> minutes.register(space, "sharepoint"))).extracting(Decision::number)
                .containsExactly(first.number());
        assertThat(as.call(READER, () -> minutes.register(space, null))).hasSize(2);
        assertThat(as.call(READER, () -> minutes.register(space, "100%"))).isEmpty();
    }

    @Test
    void scriptsAndHtmlInTheTextAreNeverRendered() {
        List<String> payloads = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "[klik](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>",
                "<svg onload=alert(1)>", "<iframe src=\"https://evil.example\"></iframe>",
                "![x](x\" onerror=\"alert(1))", "<style>body{display:none}</style>",
                "<div style=\"background:url(javascript:alert(1))\">x</div>", "**vet** en _schuin_");
        for (String payload : payloads) {
            org.jsoup.nodes.Document html = org.jsoup.Jsoup.parseBodyFragment(Markdown.toSafeHtml(payload));
            assertThat(html.select("script, iframe, style, svg, object, embed, img[onerror]")).as(payload).isEmpty();
            for (org.jsoup.nodes.Element e : html.getAllElements()) {
                assertThat(e.attributes().asList()).as(payload).noneMatch(a -> a.getKey().startsWith("on")
                        || a.getKey().equals("style") || a.getValue().toLowerCase(java.util.Locale.ROOT)
                        .contains("javascript:"));
            }
        }
        assertThat(Markdown.toSafeHtml("**vet** en _schuin_")).contains("<strong>vet</strong>").contains("<em>schuin</em>");
    }
}
