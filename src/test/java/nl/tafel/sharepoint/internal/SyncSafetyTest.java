package nl.tafel.sharepoint.internal;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.tafel.TestBoard;
import nl.tafel.shared.FieldException;
import nl.tafel.sharepoint.ConnectionCheck;
import nl.tafel.sharepoint.SyncStatus;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.StorageService;
import nl.tafel.spaces.TrashItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The four defects of issue 17, each reproduced through the Graph SDK against the fake: a second space on the
 * board's folder, one long remote name halting a space, the linked folder deleted remotely, and names SharePoint
 * refuses.
 */
class SyncSafetyTest extends SyncTestSupport {

    @Autowired
    StorageService storage;

    // ------------------------------------------------------------------ 1. one folder, two spellings

    @Test
    void aSiteInFiveSpellingsResolvesToOneDriveAndASecondLinkIsRefused() {
        syncedCleanly(); // the board's folder exists and is resolved to its drive and item ids
        String encoded = sitePath.replace("/sites/b", "/sites/%62");
        List<String> spellings = List.of(HOST + ":" + sitePath + "/", "https://" + HOST + sitePath,
                HOST.toUpperCase() + ":" + sitePath.toUpperCase(), HOST + ":" + encoded,
                "https://" + HOST.toUpperCase() + sitePath + "/");
        SpaceId other = board.space(TestBoard.unique("Werkgroep"));
        for (String site : spellings) {
            assertThat(as.call(ADMIN, () -> sharepoint.testConnection(site, "documenten", "Tafel/Bestuur")))
                    .as(site).isEqualTo(ConnectionCheck.REACHABLE);
            for (String folder : List.of("Tafel/Bestuur", "tafel/BESTUUR/Notulen", "Tafel", "")) {
                assertThatThrownBy(() -> as.run(ADMIN, () -> sharepoint.link(other, site, "Documenten", folder)))
                        .as(site + " " + folder).isInstanceOfSatisfying(FieldException.class,
                                e -> assertThat(e.messageKey()).isEqualTo("sharepoint.error.folderInUse"));
            }
        }
        assertThat(state.link(other)).isEmpty();
        // the folder moved within the library is still the board's folder: compared by id, not by path
        FAKE.mkdirs(drive, "Archief");
        FAKE.move(drive, "Tafel/Bestuur", "Archief");
        assertThatThrownBy(() -> as.run(ADMIN, () -> sharepoint.link(other, HOST + ":" + sitePath + "/",
                "Documenten", "Archief/Bestuur/Sub"))).isInstanceOf(FieldException.class);
        as.run(ADMIN, () -> sharepoint.link(other, HOST + ":" + sitePath + "/", "Documenten", "Tafel/Werkgroep"));
        assertThat(state.link(other)).isPresent();
    }

    @Test
    void linksThatOverlapFromBeforeAreBothStoppedAtTheirFirstPassWithAnAlert() {
        syncedCleanly();
        FAKE.mkdirs(drive, "Tafel/Bestuur/Sub");
        SpaceId other = board.space(TestBoard.unique("Werkgroep"));
        long by = jdbc.queryForObject("select created_by from sharepoint_link where id = ?", Long.class, link);
        UUID second = UUID.randomUUID();
        // made before links were compared by id: the site typed with a trailing slash
        state.insertLink(second, other, HOST + ":" + sitePath + "/", "Documenten", "Tafel/Bestuur/Sub",
                clock.instant(), by);
        jdbc.update("delete from mail_outbox where kind = 'sharepoint-stopped'");

        assertThat(runner.run(second)).isEqualTo(SyncRunner.Outcome.STOPPED);

        assertThat(state.linkById(second).orElseThrow().state()).isEqualTo(SyncState.LinkState.STOPPED);
        assertThat(state.linkById(link).orElseThrow().state()).isEqualTo(SyncState.LinkState.STOPPED);
        assertThat(state.linkById(link).orElseThrow().stopReason()).isEqualTo(SyncRunner.OVERLAP);
        assertThat(as.call(ADMIN, () -> documents.tree(other)).documents()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where kind = 'sharepoint-stopped'"
                + " and recipient = ?", Integer.class, ADMIN)).isGreaterThanOrEqualTo(2);
    }

    // ------------------------------------------------------------------ 2. a long remote name

    @Test
    void aThreeHundredCharacterRemoteNameIsAProblemForThatItemAndTheRestOfTheRoundSyncs() {
        syncedCleanly();
        upload(root, "Hier gemaakt.txt", text("hier"));
        String longName = "L".repeat(296) + ".txt";
        FAKE.putFile(drive, remote(longName), text("lang"));
        FAKE.putFile(drive, remote("Gewoon.txt"), text("gewoon"));
        FAKE.putFile(drive, remote("Map/In een map.txt"), text("in een map"));

        syncedCleanly();

        assertThat(new String(localBytes("Gewoon.txt"))).isEqualTo("gewoon");
        assertThat(new String(localBytes("In een map.txt"))).isEqualTo("in een map");
        assertThat(FAKE.content(drive, remote("Hier gemaakt.txt"))).isPresent();
        SyncStatus status = as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow();
        assertThat(status.state()).isEqualTo(SyncStatus.State.OK);
        assertThat(status.lastError()).isNull();
        assertThat(status.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("sharepoint.problem.remoteNameTooLong");
            assertThat(p.arguments()).containsExactly("255", "300");
        });
        assertThat(tree().documents()).hasSize(3);

        // a local change still goes up while the problem stands
        upload(root, "Later.txt", text("later"));
        syncedCleanly();
        assertThat(FAKE.content(drive, remote("Later.txt"))).isPresent();

        // renamed there: it comes down once, and nothing is doubled on either side
        FAKE.rename(drive, remote(longName), "Kort.txt");
        syncedCleanly();
        syncedCleanly();
        assertThat(new String(localBytes("Kort.txt"))).isEqualTo("lang");
        assertThat(tree().documents()).hasSize(5);
        assertThat(FAKE.allPaths(drive).stream().filter(p -> p.endsWith(".txt"))).hasSize(5);
        assertThat(as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow().problems()).isEmpty();
    }

    // ------------------------------------------------------------------ 3. the linked folder deleted

    @Test
    void theLinkedFolderDeletedRemotelyStopsTheLinkTrashesNothingAndAlerts() {
        syncedCleanly();
        for (int i = 1; i <= 3; i++) {
            upload(root, "Stuk " + i + ".txt", text("stuk " + i));
        }
        syncedCleanly();
        jdbc.update("delete from mail_outbox where kind = 'sharepoint-stopped'");

        FAKE.delete(drive, "Tafel/Bestuur");

        assertThat(pass()).isEqualTo(SyncRunner.Outcome.STOPPED);
        assertThat(tree().documents()).hasSize(3);
        assertThat(as.call(MEMBER, () -> documents.trash(space))).isEmpty();
        SyncStatus status = as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow();
        assertThat(status.state()).isEqualTo(SyncStatus.State.STOPPED);
        assertThat(status.stopReason()).isEqualTo(SyncEngine.ROOT_GONE);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where kind = 'sharepoint-stopped'"
                + " and recipient = ?", Integer.class, ADMIN)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where kind = 'sharepoint-stopped'"
                + " and recipient = ?", Integer.class, SECRETARY)).isEqualTo(1);
        // and later: still stopped, still nothing trashed, nothing sent into the void
        upload(root, "Nieuw.txt", text("nieuw"));
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.STOPPED);
        assertThat(tree().documents()).hasSize(4);
    }

    @Test
    void theGuardAlsoCountsAShareOfTheSpace() {
        syncedCleanly();
        for (int i = 1; i <= 4; i++) {
            upload(root, "Stuk " + i + ".txt", text("stuk " + i));
        }
        syncedCleanly();
        // 3 of 4 deleted there: under the limit of 5, but more than half of the space
        for (int i = 1; i <= 3; i++) {
            FAKE.delete(drive, remote("Stuk " + i + ".txt"));
        }
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.STOPPED);
        assertThat(tree().documents()).hasSize(4);
    }

    @Test
    void theTrashPurgeLeavesWhatTheSyncTrashedWhileTheLinkIsStopped() {
        syncedCleanly();
        for (int i = 1; i <= 6; i++) {
            upload(root, "Stuk " + i + ".txt", text("stuk " + i));
        }
        syncedCleanly();
        FAKE.delete(drive, remote("Stuk 1.txt"));
        syncedCleanly();
        assertThat(as.call(MEMBER, () -> documents.trash(space))).extracting(TrashItem::name)
                .containsExactly("Stuk 1.txt");
        FAKE.delete(drive, "Tafel/Bestuur");
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.STOPPED);

        clock.advance(Duration.ofDays(60));
        as.run(ADMIN, () -> storage.purgeExpiredTrash());

        assertThat(as.call(MEMBER, () -> documents.trash(space))).extracting(TrashItem::name)
                .containsExactly("Stuk 1.txt");
    }

    // ------------------------------------------------------------------ 4. names SharePoint refuses

    @Test
    void namesSharePointRefusesAreRefusedAtTheSourceWithTheirMessage() {
        for (String[] c : new String[][] {{".", "names.dotsOnly"}, {"..", "names.dotsOnly"},
                {"...", "names.dotsOnly"}, {"Jaarverslag.", "names.trailingDot"},
                {"Jaarverslag\u202Egpj.pdf", "names.formatCharacters"}}) {
            assertThatThrownBy(() -> upload(root, c[0], text("x"))).as(c[0])
                    .isInstanceOfSatisfying(nl.tafel.shared.TafelException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(c[1]));
            assertThatThrownBy(() -> as.run(MEMBER, () -> documents.createFolder(root, c[0]))).as(c[0])
                    .isInstanceOfSatisfying(nl.tafel.shared.TafelException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(c[1]));
        }
        FolderId folder = as.call(MEMBER, () -> documents.createFolder(root, "Stukken"));
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.renameFolder(folder, "..",
                documents.folder(folder).version()))).isInstanceOf(nl.tafel.shared.TafelException.class);
        assertThatThrownBy(() -> as.run(SECRETARY, () -> spaces.create("Bestuur\u202E", null)))
                .isInstanceOf(nl.tafel.shared.TafelException.class);
        syncedCleanly();
        assertThat(as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow().pending()).isZero();
    }

    @Test
    void aRemoteRefusalThatCannotSucceedIsAProblemAndIsTriedAgainOnlyAfterTheItemChanges() {
        syncedCleanly();
        var doc = upload(root, "Begroting.txt", text("begroting"));
        FAKE.fault(fault("POST", ".*createUploadSession").onGraph().status(400).always());

        syncedCleanly();
        SyncStatus status = as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow();
        assertThat(status.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("sharepoint.problem.remoteRefused");
            assertThat(p.arguments()).hasSize(1);
        });
        assertThat(status.pending()).isZero();
        long tries = sessions();
        syncedCleanly();
        syncedCleanly();
        assertThat(sessions()).isEqualTo(tries);

        // changed here: tried again, and through once SharePoint takes it
        FAKE.resetFaults();
        as.run(MEMBER, () -> documents.renameDocument(doc.documentId(), "Begroting 2026.txt",
                documents.document(doc.documentId()).version()));
        syncedCleanly();
        assertThat(FAKE.content(drive, remote("Begroting 2026.txt"))).isPresent();
        assertThat(as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow().problems()).isEmpty();
    }

    @Test
    void aRemoteFileTafelRefusesIsNotDownloadedAgainUntilItChangesAndItsReasonIsFilledIn() {
        syncedCleanly();
        FAKE.putFile(drive, remote("Foto.pdf"), text("dit is geen pdf maar tekst"));
        syncedCleanly();
        SyncStatus status = as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow();
        assertThat(status.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).startsWith("upload.error.");
            assertThat(p.arguments()).isNotEmpty();
        });
        long downloads = downloads();
        advance(Duration.ofMinutes(2));
        syncedCleanly();
        advance(Duration.ofMinutes(2));
        syncedCleanly();
        assertThat(downloads()).isEqualTo(downloads);

        FAKE.putFile(drive, remote("Foto.pdf"), pdf(2_000, 3));
        syncedCleanly();
        assertThat(hasLocal("Foto.pdf")).isTrue();
        assertThat(as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow().problems()).isEmpty();
    }

    // ------------------------------------------------------------------ also seen

    @Test
    void sixtyRemoteFilesInOneRoundGiveOneSummaryNotificationPerMember() {
        syncedCleanly();
        for (int i = 1; i <= 60; i++) {
            FAKE.putFile(drive, remote("Bulk/Stuk " + i + ".txt"), text("stuk " + i));
        }
        syncedCleanly();
        assertThat(tree().documents()).hasSize(60);

        long member = jdbc.queryForObject("select id from person where email = ?", Long.class, MEMBER);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from notification where person_id = ? and kind = 'DOCUMENTS_SYNCED'"
                        + " and link = ?", Integer.class, member, "ruimtes/" + space) == 1);
        assertThat(jdbc.queryForObject("select subject from notification where person_id = ?"
                + " and kind = 'DOCUMENTS_SYNCED' and link = ?", String.class, member, "ruimtes/" + space))
                .endsWith("(60)");
        // a file uploaded here afterwards is told as ever, so the per-file events were delivered by now too
        upload(root, "Hier.txt", text("hier"));
        long reader = jdbc.queryForObject("select id from person where email = ?", Long.class,
                nl.tafel.TestAccounts.READER);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from notification where person_id = ? and kind = 'DOCUMENT_STORED'"
                        + " and subject = 'Hier.txt'", Integer.class, reader) == 1);
        List<String> links = tree().documents().stream().map(d -> "documenten/" + d.id()).toList();
        assertThat(jdbc.queryForList("select link from notification where person_id = ?"
                + " and kind = 'DOCUMENT_STORED'", String.class, member)).doesNotContainAnyElementsOf(links);
    }

    private long sessions() {
        return FAKE.requestLog().stream().filter(r -> r.path().endsWith("createUploadSession")).count();
    }

    private long downloads() {
        return FAKE.requestLog().stream().filter(r -> r.method().equals("GET") && r.path().endsWith("/content"))
                .count();
    }
}
