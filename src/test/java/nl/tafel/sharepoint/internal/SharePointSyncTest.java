package nl.tafel.sharepoint.internal;

import static nl.tafel.TestAccounts.ADMIN;
import static nl.tafel.TestAccounts.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.tafel.sharepoint.SyncConflict;
import nl.tafel.sharepoint.SyncStatus;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.Test;

/**
 * The sync both ways and the fault scenarios of {@code design/graph-fake.md}: in each, every committed version is
 * still found (here, there, or as a conflict copy), synced files end with equal hashes, and nothing is deleted that
 * was not the latest intended operation.
 */
class SharePointSyncTest extends SyncTestSupport {

    // ------------------------------------------------------------------ the basics

    @Test
    void upGoesAFolderAndAFileThroughAnUploadSessionWithTafelsUserAgent() {
        syncedCleanly();
        FolderId papers = as.call(MEMBER, () -> documents.createFolder(root, "Vergaderstukken"));
        byte[] content = pdf(900_000, 1);
        upload(papers, "Jaarverslag 2025.pdf", content);

        syncedCleanly();

        assertThat(FAKE.content(drive, remote("Vergaderstukken/Jaarverslag 2025.pdf"))).contains(content);
        assertThat(FAKE.requestLog()).anyMatch(r -> r.path().endsWith("createUploadSession"));
        assertThat(FAKE.requestLog()).filteredOn(r -> r.host() == nl.tafel.sharepoint.fake.HostKind.GRAPH && !r.inBatch())
                .allMatch(r -> r.userAgent() != null && r.userAgent().startsWith("NONISV|OndernemendLeiden|Tafel/"));
        // the version from the build (META-INF/build-info.properties), not "dev"
        assertThat(gateway.userAgent()).matches("NONISV\\|OndernemendLeiden\\|Tafel/\\d+\\.\\d+.*");
        SyncStatus status = as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow();
        assertThat(status.state()).isEqualTo(SyncStatus.State.OK);
        assertThat(status.pending()).isZero();
        assertThat(status.lastSuccess()).isNotNull();
    }

    @Test
    void twoSpacesCannotShareAFolderOrNestInsideEachOther() {
        nl.tafel.spaces.SpaceId other = board.space(nl.tafel.TestBoard.unique("Ander"));
        for (String folder : new String[] {"Tafel/Bestuur", "tafel/bestuur/Sub", "Tafel", ""}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> as.run(ADMIN, () -> sharepoint.link(other,
                    HOST + ":" + sitePath, "Documenten", folder)))
                    .as(folder).isInstanceOfSatisfying(nl.tafel.shared.FieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("folder");
                        assertThat(e.messageKey()).isEqualTo("sharepoint.error.folderInUse");
                    });
        }
        as.run(ADMIN, () -> sharepoint.link(other, HOST + ":" + sitePath, "Documenten", "Tafel/Werkgroep"));
        assertThat(state.link(other)).isPresent();
    }

    @Test
    void downBringsNewRemoteFilesAndVersionsAsVersions() {
        syncedCleanly();
        FAKE.putFile(drive, remote("Ingekomen/Brief gemeente.txt"), text("Geachte bestuur,"));
        syncedCleanly();
        assertThat(new String(localBytes("Brief gemeente.txt"))).isEqualTo("Geachte bestuur,");

        FAKE.putFile(drive, remote("Ingekomen/Brief gemeente.txt"), text("Geachte bestuur, versie 2"));
        syncedCleanly();
        assertThat(new String(localBytes("Brief gemeente.txt"))).isEqualTo("Geachte bestuur, versie 2");
        assertThat(local("Brief gemeente.txt").versionNumber()).isEqualTo(2);

        // and nothing went back up: no upload for what came down
        long uploads = FAKE.requestLog().stream().filter(r -> r.path().endsWith("createUploadSession")).count();
        syncedCleanly();
        assertThat(FAKE.requestLog().stream().filter(r -> r.path().endsWith("createUploadSession")).count())
                .isEqualTo(uploads);
    }

    @Test
    void renamesMovesAndDeletesGoBothWaysAndRemoteDeletesOnlyReachTheTrash() {
        syncedCleanly();
        FolderId archive = as.call(MEMBER, () -> documents.createFolder(root, "Archief"));
        StoredDocument doc = upload(root, "Begroting.txt", text("begroting"));
        syncedCleanly();

        as.run(MEMBER, () -> documents.renameDocument(doc.documentId(), "Begroting 2027.txt",
                details(doc.documentId()).version()));
        as.run(MEMBER, () -> documents.moveDocument(doc.documentId(), archive, details(doc.documentId()).version()));
        syncedCleanly();
        assertThat(FAKE.content(drive, remote("Archief/Begroting 2027.txt"))).isPresent();
        assertThat(FAKE.content(drive, remote("Begroting.txt"))).isEmpty();

        FAKE.rename(drive, remote("Archief/Begroting 2027.txt"), "Begroting definitief.txt");
        syncedCleanly();
        assertThat(hasLocal("Begroting definitief.txt")).isTrue();

        FAKE.delete(drive, remote("Archief/Begroting definitief.txt"));
        syncedCleanly();
        assertThat(hasLocal("Begroting definitief.txt")).isFalse();
        assertThat(as.call(MEMBER, () -> documents.trash(space))).anyMatch(t -> t.name().equals(
                "Begroting definitief.txt"));

        StoredDocument gone = upload(root, "Weg.txt", text("weg"));
        syncedCleanly();
        as.run(MEMBER, () -> documents.deleteDocument(gone.documentId()));
        syncedCleanly();
        assertThat(FAKE.content(drive, remote("Weg.txt"))).as(() -> FAKE.requestLog().stream()
                .filter(r -> r.method().equals("DELETE") || r.status() >= 400).toList().toString()).isEmpty();
        assertThat(FAKE.recycleBin(drive)).anyMatch(n -> n.endsWith("Weg.txt"));
    }

    // ------------------------------------------------------------------ 1. throttling

    @Test
    void throttlingIsWaitedOutInFullEvenAbove180Seconds() {
        syncedCleanly();
        upload(root, "Notulen.txt", text("notulen"));
        FAKE.fault(fault("POST", ".*createUploadSession").status(429).retryAfter(400).times(1));

        assertThat(pass()).isEqualTo(SyncRunner.Outcome.THROTTLED);
        long before = FAKE.requestLog().size();
        advance(Duration.ofSeconds(200));
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.THROTTLED);
        assertThat(FAKE.requestLog().size()).as("nothing sent while SharePoint asked to wait").isEqualTo(before);
        assertThat(state.link(space).orElseThrow().nextRunAt()).isAfter(clock.instant());

        advance(Duration.ofSeconds(201));
        syncedCleanly();
        assertThat(FAKE.earlyRetries()).isZero();
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactly("Notulen.txt");
    }

    @Test
    void a503StormWithDatesIsWaitedOutWithoutSkippingOrDoublingFiles() {
        syncedCleanly();
        for (int i = 1; i <= 4; i++) {
            upload(root, "Stuk " + i + ".txt", text("stuk " + i));
        }
        FAKE.fault(fault("POST", ".*createUploadSession").status(503).retryAfterAsDate(30).times(3));
        int throttled = 0;
        for (int round = 0; round < 10 && pass() != SyncRunner.Outcome.DONE; round++) {
            throttled++;
            advance(Duration.ofSeconds(31));
        }
        assertThat(throttled).as("passes that waited").isBetween(1, 3);
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactlyInAnyOrder("Stuk 1.txt", "Stuk 2.txt",
                "Stuk 3.txt", "Stuk 4.txt");
        assertThat(FAKE.earlyRetries()).isZero();
    }

    // ------------------------------------------------------------------ 2. and 3. uploads that fail

    @Test
    void aLostAcknowledgementOfTheLastPieceLeavesExactlyOneRemoteFile() {
        syncedCleanly();
        byte[] content = pdf(200_000, 2);
        upload(root, "Klein.pdf", content);
        FAKE.fault(fault("PUT", ".*").onFiles().afterCommit().drop().times(1));

        assertThat(pass()).isIn(SyncRunner.Outcome.FAILED, SyncRunner.Outcome.DONE);
        advance(Duration.ofMinutes(1));
        syncedCleanly();

        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactly("Klein.pdf");
        assertThat(FAKE.hash(drive, remote("Klein.pdf"))).isEqualTo(QuickXorHash.of(content));
    }

    @Test
    void aPieceStoredButAnswered503OrDroppedMidwayResumesAtTheServersOffset() {
        syncedCleanly();
        byte[] content = pdf(2_100_000, 3); // 4 pieces of 640 KB
        upload(root, "Groot.pdf", content);
        FAKE.fault(fault("PUT", ".*").onFiles().afterCommit().status(503).times(1));
        FAKE.fault(fault("PUT", ".*").onFiles().beforeCommit().drop().times(1));

        for (int round = 0; round < 5 && pass() != SyncRunner.Outcome.DONE; round++) {
            advance(Duration.ofMinutes(1));
        }

        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactly("Groot.pdf");
        assertThat(FAKE.content(drive, remote("Groot.pdf"))).contains(content);
    }

    @Test
    void anExpiredSessionStartsAgainAndTheFileArrivesWhole() {
        syncedCleanly();
        byte[] content = pdf(1_500_000, 4);
        upload(root, "Verlopen.pdf", content);
        // the connection drops on every try of this pass: it gives up, with the session kept for the next one
        FAKE.fault(fault("PUT", "/upload/.*").onFiles().beforeCommit().drop().times(6));
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.FAILED);
        assertThat(state.upload(link, local("Verlopen.pdf").id().value())).isPresent();
        // meanwhile SharePoint forgot the session: asking for it gives 404, and a new one starts
        FAKE.fault(fault("GET", "/upload/.*").onFiles().status(404).times(1));
        advance(Duration.ofMinutes(1));
        syncedCleanly();
        assertThat(state.upload(link, local("Verlopen.pdf").id().value())).isEmpty();
        assertThat(FAKE.content(drive, remote("Verlopen.pdf"))).contains(content);
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactly("Verlopen.pdf");
    }

    @Test
    void aSameNamedRemoteFileArrivingBeforeTheUploadKeepsBoth() {
        syncedCleanly();
        byte[] ours = text("onze versie");
        upload(root, "Agenda.txt", ours);
        // someone puts a file of the same name there first
        FAKE.putFile(drive, remote("Agenda.txt"), text("hun versie"));

        syncedCleanly();
        syncedCleanly();

        List<String> names = FAKE.list(drive, "Tafel/Bestuur");
        assertThat(names).hasSize(2).contains("Agenda.txt").noneMatch(n -> n.matches("Agenda 1\\.txt"));
        assertThat(tree().documents()).hasSize(2);
        assertThat(FAKE.allPaths(drive).stream().map(p -> new String(FAKE.content(drive, p).orElse(new byte[0]))))
                .contains("onze versie", "hun versie");
    }

    // ------------------------------------------------------------------ 4. downloads that fail

    @Test
    void aDownloadCutOffMidwayChangesNothingLocally() {
        syncedCleanly();
        StoredDocument doc = upload(root, "Verslag.pdf", pdf(300_000, 5));
        syncedCleanly();
        byte[] theirs = pdf(600_000, 6);
        FAKE.putFile(drive, remote("Verslag.pdf"), theirs);
        FAKE.fault(fault("GET", ".*").onFiles().cutBodyAfter(100_000).times(1));

        assertThat(pass()).isEqualTo(SyncRunner.Outcome.FAILED);
        assertThat(details(doc.documentId()).currentVersion()).isEqualTo(1);

        advance(Duration.ofMinutes(1));
        syncedCleanly();
        assertThat(localBytes("Verslag.pdf")).isEqualTo(theirs);
        assertThat(details(doc.documentId()).currentVersion()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ 5. hostile delta

    @Test
    void anExpiredDeltaTokenResyncsWithoutLosingALocalEdit() {
        syncedCleanly();
        StoredDocument doc = upload(root, "Plan.txt", text("plan v1"));
        syncedCleanly();
        newVersion(doc.documentId(), "Plan.txt", text("plan v2 lokaal"));
        FAKE.putFile(drive, remote("Nieuw van daar.txt"), text("van daar"));
        FAKE.expireDeltaTokens();
        FAKE.setDeltaPageSize(2);
        FAKE.setDeltaDuplicates(true);
        FAKE.setChildrenBeforeParents(true);
        try {
            syncedCleanly();
        } finally {
            FAKE.setDeltaPageSize(200);
            FAKE.setDeltaDuplicates(false);
            FAKE.setChildrenBeforeParents(false);
        }
        assertThat(FAKE.content(drive, remote("Plan.txt"))).hasValueSatisfying(b -> assertThat(new String(b))
                .isEqualTo("plan v2 lokaal"));
        assertThat(new String(localBytes("Nieuw van daar.txt"))).isEqualTo("van daar");
        assertThat(tree().documents()).hasSize(2);
    }

    @Test
    void childrenBeforeParentsAndDuplicatesStillBuildTheTree() {
        syncedCleanly();
        FAKE.setChildrenBeforeParents(true);
        FAKE.setDeltaDuplicates(true);
        try {
            FAKE.putFile(drive, remote("Werkgroep/Mobiliteit/Verslag.txt"), text("verslag"));
            FAKE.putFile(drive, remote("Werkgroep/Mobiliteit/Verslag.txt"), text("verslag v2"));
            syncedCleanly();
        } finally {
            FAKE.setChildrenBeforeParents(false);
            FAKE.setDeltaDuplicates(false);
        }
        assertThat(new String(localBytes("Verslag.txt"))).isEqualTo("verslag v2");
        assertThat(tree().folders()).extracting(f -> f.name()).contains("Werkgroep", "Mobiliteit");
    }

    // ------------------------------------------------------------------ 6. and 7. both sides

    @Test
    void bothSidesEditedKeepsBothAndShowsAConflict() {
        syncedCleanly();
        StoredDocument doc = upload(root, "Begroting.txt", text("v1"));
        syncedCleanly();
        newVersion(doc.documentId(), "Begroting.txt", text("v2 in Tafel"));
        advance(Duration.ofMinutes(1));
        FAKE.putFile(drive, remote("Begroting.txt"), text("v2 in SharePoint"));

        syncedCleanly();
        syncedCleanly();

        // SharePoint's edit is the newest: it is the document now; Tafel's is the copy, on both sides
        assertThat(new String(localBytes("Begroting.txt"))).isEqualTo("v2 in SharePoint");
        SyncConflict conflict = as.call(ADMIN, () -> sharepoint.conflicts(space))
                .getFirst();
        assertThat(conflict.kept()).isEqualTo(SyncConflict.Side.SHAREPOINT);
        assertThat(conflict.copyName()).startsWith("Begroting (conflict Tafel ").endsWith(").txt");
        assertThat(new String(localBytes(conflict.copyName()))).isEqualTo("v2 in Tafel");
        assertThat(FAKE.content(drive, remote(conflict.copyName()))).hasValueSatisfying(
                b -> assertThat(new String(b)).isEqualTo("v2 in Tafel"));
        assertThat(as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow().conflicts()).isEqualTo(1);

        as.run(ADMIN, () -> sharepoint.resolveConflict(space, conflict.id()));
        assertThat(as.call(ADMIN, () -> sharepoint.conflicts(space))).isEmpty();
    }

    @Test
    void aRemoteDeleteAgainstALocalEditKeepsTheEdit() {
        syncedCleanly();
        StoredDocument doc = upload(root, "Offerte.txt", text("v1"));
        syncedCleanly();
        newVersion(doc.documentId(), "Offerte.txt", text("v2 lokaal"));
        FAKE.delete(drive, remote("Offerte.txt"));

        syncedCleanly();
        syncedCleanly();

        assertThat(new String(localBytes("Offerte.txt"))).isEqualTo("v2 lokaal");
        assertThat(FAKE.content(drive, remote("Offerte.txt"))).hasValueSatisfying(
                b -> assertThat(new String(b)).isEqualTo("v2 lokaal"));
    }

    @Test
    void aLocalDeleteAgainstARemoteEditKeepsTheEdit() {
        syncedCleanly();
        StoredDocument doc = upload(root, "Contract.txt", text("v1"));
        syncedCleanly();
        as.run(MEMBER, () -> documents.deleteDocument(doc.documentId()));
        FAKE.putFile(drive, remote("Contract.txt"), text("v2 op SharePoint"));

        syncedCleanly();
        syncedCleanly();

        assertThat(FAKE.content(drive, remote("Contract.txt"))).hasValueSatisfying(
                b -> assertThat(new String(b)).isEqualTo("v2 op SharePoint"));
        assertThat(new String(localBytes("Contract.txt"))).isEqualTo("v2 op SharePoint");
    }

    @Test
    void aRemoteDeleteAndANewFileOfTheSameNameInOneRoundDoNotMixUp() {
        syncedCleanly();
        StoredDocument old = upload(root, "Agenda.txt", text("oude agenda"));
        syncedCleanly();
        FAKE.delete(drive, remote("Agenda.txt"));
        FAKE.putFile(drive, remote("Agenda.txt"), text("nieuwe agenda"));

        syncedCleanly();

        assertThat(new String(localBytes("Agenda.txt"))).isEqualTo("nieuwe agenda");
        assertThat(local("Agenda.txt").id()).isNotEqualTo(old.documentId());
        assertThat(local("Agenda.txt").versionNumber()).isEqualTo(1);
        assertThat(as.call(MEMBER, () -> documents.trash(space))).anyMatch(t -> t.id().equals(
                old.documentId().value()));
        syncedCleanly();
        assertThat(new String(FAKE.content(drive, remote("Agenda.txt")).orElseThrow())).isEqualTo("nieuwe agenda");
    }

    @Test
    void aFolderDeletedHereWhileAFileInItChangedThereComesBackWithTheChange() {
        syncedCleanly();
        FolderId folder = as.call(MEMBER, () -> documents.createFolder(root, "Stukken"));
        upload(folder, "Brief.txt", text("brief v1"));
        syncedCleanly();
        as.run(MEMBER, () -> documents.deleteFolder(folder));
        FAKE.putFile(drive, remote("Stukken/Brief.txt"), text("brief v2 van daar"));

        syncedCleanly();
        syncedCleanly();

        assertThat(new String(localBytes("Brief.txt"))).isEqualTo("brief v2 van daar");
        assertThat(FAKE.content(drive, remote("Stukken/Brief.txt"))).hasValueSatisfying(
                b -> assertThat(new String(b)).isEqualTo("brief v2 van daar"));
        // and not without a word: the managers see that the delete was undone
        assertThat(as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow().problems()).anySatisfy(p -> {
            assertThat(p.reason()).isEqualTo("sharepoint.problem.folderRestored");
            assertThat(p.arguments()).containsExactly("Stukken");
        });
    }

    @Test
    void anEditHereWhileAPassBringsTheRemoteVersionBecomesAConflictNotAnOverwrite() {
        syncedCleanly();
        StoredDocument doc = upload(root, "Plan.txt", text("plan v1"));
        syncedCleanly();
        FAKE.putFile(drive, remote("Plan.txt"), text("plan v2 daar"));
        SyncEngine.step = name -> {
            if (name.equals("storing")) {
                SyncEngine.step = n -> {
                };
                newVersion(doc.documentId(), "Plan.txt", text("plan v2 hier, tijdens de synchronisatie"));
            }
        };
        try {
            syncedCleanly();
            syncedCleanly();
        } finally {
            SyncEngine.step = n -> {
            };
        }
        List<String> contents = tree().documents().stream().map(d -> new String(localBytes(d.name()))).toList();
        assertThat(contents).containsExactlyInAnyOrder("plan v2 daar", "plan v2 hier, tijdens de synchronisatie");
        assertThat(as.call(ADMIN, () -> sharepoint.conflicts(space))).hasSize(1);
        assertThat(FAKE.allPaths(drive).stream().filter(p -> p.endsWith(".txt"))
                .map(p -> new String(FAKE.content(drive, p).orElseThrow())))
                .containsExactlyInAnyOrder("plan v2 daar", "plan v2 hier, tijdens de synchronisatie");
    }

    @Test
    void aWaitSharePointAskedForHoldsAfterARestart() {
        syncedCleanly();
        upload(root, "Na herstart.txt", text("x"));
        FAKE.fault(fault("POST", ".*createUploadSession").status(429).retryAfter(300).times(1));
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.THROTTLED);

        gateway.forgetWaits(); // what a restart forgets; the database remembers
        long before = FAKE.requestLog().size();
        upload(root, "Nog een.txt", text("y"));
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.THROTTLED);
        // the card tells the truth: waiting for SharePoint until then, with two changes waiting
        SyncStatus waiting = as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow();
        assertThat(waiting.state()).isEqualTo(SyncStatus.State.THROTTLED);
        assertThat(waiting.waitingUntil()).isAfter(clock.instant().plusSeconds(200));
        assertThat(waiting.pending()).isEqualTo(2);
        assertThat(as.call(ADMIN, () -> sharepoint.syncNow(space))).hasValue(waiting.waitingUntil());
        assertThat(state.link(space).orElseThrow().nextRunAt()).isAfter(clock.instant().plusSeconds(200));
        assertThat(FAKE.requestLog().size()).isEqualTo(before);

        advance(Duration.ofSeconds(301));
        syncedCleanly();
        assertThat(FAKE.earlyRetries()).isZero();
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactlyInAnyOrder("Na herstart.txt", "Nog een.txt");
    }

    // ------------------------------------------------------------------ 8. library emptied

    @Test
    void anEmptiedLibraryStopsTheSyncAndAlertsInsteadOfDeleting() {
        syncedCleanly();
        for (int i = 1; i <= 8; i++) {
            upload(root, "Stuk " + i + ".txt", text("stuk " + i));
        }
        syncedCleanly();
        FAKE.emptyLibrary(drive); // the linked folder goes too: the link stops as "root gone"

        assertThat(pass()).isEqualTo(SyncRunner.Outcome.STOPPED);

        assertThat(tree().documents()).hasSize(8);
        SyncStatus status = as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow();
        assertThat(status.state()).isEqualTo(SyncStatus.State.STOPPED);
        Integer alerts = jdbc.queryForObject("select count(*) from mail_outbox where kind = 'sharepoint-stopped'"
                + " and recipient = ?", Integer.class, ADMIN);
        assertThat(alerts).isGreaterThanOrEqualTo(1);
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.STOPPED);
        assertThat(tree().documents()).hasSize(8);
        assertThat(as.call(MEMBER, () -> documents.trash(space))).isEmpty();
    }


    // ------------------------------------------------------------------ 9. names

    @Test
    void aRemoteRenameToANameTooLongForTafelDeletesNothing() {
        // Tafel counts a path from the space's name; with a long one and a link to the library's top, a path can
        // fit in SharePoint and not here
        as.run(nl.tafel.TestAccounts.SECRETARY, () -> spaces.update(space, "Werkgroep " + "X".repeat(90), null,
                spaces.get(space).version()));
        relink("");
        syncedCleanly();
        String folder = "A".repeat(100);
        FAKE.putFile(drive, folder + "/Kort.txt", text("kort"));
        syncedCleanly();
        assertThat(hasLocal("Kort.txt")).isTrue();

        String longName = "L".repeat(200) + ".txt"; // 406 characters here
        FAKE.rename(drive, folder + "/Kort.txt", longName);
        syncedCleanly();

        assertThat(new String(localBytes("Kort.txt"))).isEqualTo("kort");
        assertThat(FAKE.content(drive, folder + "/" + longName)).isPresent();
        SyncStatus status = as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow();
        assertThat(status.problems()).anySatisfy(p -> assertThat(p.reason()).isEqualTo("names.pathTooLong"));
        // and it stays so: the next pass neither deletes nor duplicates
        syncedCleanly();
        assertThat(tree().documents()).hasSize(1);
        assertThat(FAKE.allPaths(drive).stream().filter(p -> p.endsWith(".txt"))).hasSize(1);
        // an edit here still reaches the file there, under its long name
        newVersion(local("Kort.txt").id(), "Kort.txt", text("kort, bijgewerkt"));
        syncedCleanly();
        assertThat(new String(FAKE.content(drive, folder + "/" + longName).orElseThrow()))
                .isEqualTo("kort, bijgewerkt");
    }

    @Test
    void aRemoteFileAppearingWhileAnUploadIsUnderWaySurvivesAndSoDoesOurs() {
        syncedCleanly();
        byte[] ours = pdf(1_500_000, 8);
        upload(root, "Jaarrekening.pdf", ours);
        FAKE.fault(fault("PUT", "/upload/.*").onFiles().beforeCommit().drop().times(6));
        assertThat(pass()).isEqualTo(SyncRunner.Outcome.FAILED);
        byte[] theirs = pdf(700_000, 9);
        FAKE.putFile(drive, remote("Jaarrekening.pdf"), theirs);
        advance(Duration.ofMinutes(1));

        syncedCleanly();
        syncedCleanly();

        List<byte[]> contents = FAKE.allPaths(drive).stream().filter(p -> p.endsWith(".pdf"))
                .map(p -> FAKE.content(drive, p).orElseThrow()).toList();
        assertThat(contents).hasSize(2);
        assertThat(contents).anySatisfy(c -> assertThat(c).isEqualTo(ours));
        assertThat(contents).anySatisfy(c -> assertThat(c).isEqualTo(theirs));
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).noneMatch(n -> n.matches("Jaarrekening 1\\.pdf"));
        assertThat(tree().documents()).hasSize(2);
        assertThat(as.call(ADMIN, () -> sharepoint.conflicts(space))).hasSize(1);
    }

    // ------------------------------------------------------------------ 10. Office rewrite

    @Test
    void sharePointRewritingAnOfficeFileDoesNotLoop() {
        syncedCleanly();
        byte[] docx = officeFile();
        upload(root, "Beleidsplan.docx", docx);
        syncedCleanly();
        FAKE.rewriteOffice(drive, remote("Beleidsplan.docx"));

        syncedCleanly();
        long uploads = FAKE.requestLog().stream().filter(r -> r.path().endsWith("createUploadSession")).count();
        syncedCleanly();
        syncedCleanly();

        assertThat(FAKE.requestLog().stream().filter(r -> r.path().endsWith("createUploadSession")).count())
                .isEqualTo(uploads);
        assertThat(hasLocal("Beleidsplan.docx")).isTrue();
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactly("Beleidsplan.docx");
        assertThat(QuickXorHash.of(localBytes("Beleidsplan.docx"))).isEqualTo(FAKE.hash(drive,
                remote("Beleidsplan.docx")));
    }

    // ------------------------------------------------------------------ 11. case

    @Test
    void aCaseOnlyRenameAndCaseCollisionsOverwriteNothing() {
        syncedCleanly();
        StoredDocument doc = upload(root, "agenda.txt", text("klein"));
        syncedCleanly();
        as.run(MEMBER, () -> documents.renameDocument(doc.documentId(), "Agenda.txt",
                details(doc.documentId()).version()));
        syncedCleanly();
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactly("Agenda.txt");

        // a remote file whose name differs only in case from a local one that is not synced yet
        upload(root, "Besluiten.txt", text("lokaal"));
        FAKE.putFile(drive, remote("BESLUITEN.txt"), text("remote"));
        syncedCleanly();
        syncedCleanly();
        assertThat(FAKE.allPaths(drive).stream().map(p -> new String(FAKE.content(drive, p).orElse(new byte[0]))))
                .contains("lokaal", "remote");
        assertThat(tree().documents().stream().map(d -> new String(localBytes(d.name()))))
                .contains("lokaal", "remote");
    }

    // ------------------------------------------------------------------ 12. batch partly fails

    @Test
    void aBatchOfDeletesThatPartlyFailsRetriesTheRestAndLosesNothing() {
        syncedCleanly();
        List<StoredDocument> docs = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            docs.add(upload(root, "Oud " + i + ".txt", text("oud " + i)));
        }
        syncedCleanly();
        docs.forEach(d -> as.run(MEMBER, () -> documents.deleteDocument(d.documentId())));
        FAKE.fault(fault("DELETE", "/drives/.*").status(429).retryAfter(5).times(2));

        assertThat(pass()).isEqualTo(SyncRunner.Outcome.THROTTLED);
        assertThat(FAKE.requestLog()).anyMatch(r -> r.inBatch() && r.method().equals("DELETE"));
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).hasSize(2);

        advance(Duration.ofSeconds(6));
        syncedCleanly();
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).isEmpty();
        assertThat(FAKE.recycleBin(drive).stream().filter(n -> n.contains("Oud "))).hasSize(6);
        assertThat(FAKE.earlyRetries()).isZero();
    }

    // ------------------------------------------------------------------ 13. killed or logged out

    @Test
    void anExpiredTokenMidRunResumesWithoutDuplicates() {
        syncedCleanly();
        upload(root, "Een.txt", text("een"));
        upload(root, "Twee.txt", text("twee"));
        String token = FAKE.token();
        FAKE.setToken("rotated");
        try {
            assertThat(pass()).isEqualTo(SyncRunner.Outcome.FAILED);
            SyncStatus status = as.call(ADMIN, () -> sharepoint.status(space)).orElseThrow();
            assertThat(status.state()).isEqualTo(SyncStatus.State.ERROR);
            // the reason in words (a key and a reference for the log), never Graph's raw text
            assertThat(status.lastError()).startsWith("sharepoint.error.signIn\u001F").doesNotContain("401");
        } finally {
            FAKE.setToken(token);
        }
        advance(Duration.ofMinutes(1));
        syncedCleanly();
        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactlyInAnyOrder("Een.txt", "Twee.txt");
    }

    @Test
    void aPassCutOffAfterTheUploadButBeforeItWasRecordedAdoptsInsteadOfDuplicating() {
        syncedCleanly();
        byte[] content = pdf(100_000, 7);
        StoredDocument doc = upload(root, "Kill.pdf", content);
        // the whole upload reaches SharePoint, then Tafel "dies": its state says nothing was synced
        syncedCleanly();
        jdbc.update("delete from sharepoint_item where link_id = ? and local_id = ?", link, doc.documentId().value());
        syncedCleanly();

        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactly("Kill.pdf");
        assertThat(tree().documents()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from sharepoint_item where link_id = ? and local_id = ?",
                Integer.class, link, doc.documentId().value())).isEqualTo(1);
    }

    /** A minimal Office Open XML file (a zip with a content-types entry), enough for Tafel's type check. */
    private static byte[] officeFile() {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
                zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                        + "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                        .getBytes());
                zip.closeEntry();
                zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
                zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"
                        .getBytes());
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
