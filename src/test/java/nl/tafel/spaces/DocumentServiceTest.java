package nl.tafel.spaces;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.OUTSIDER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.TestConfig.TestClock;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.TafelException;
import nl.tafel.spaces.internal.BlobStore;
import nl.tafel.spaces.internal.TextExtraction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Folders and versioned documents on the real database and blob store. */
@TafelTest
class DocumentServiceTest {

    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    StorageService storage;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    BlobStore blobs;
    @Autowired
    TextExtraction text;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs as;
    @Autowired
    TestClock clock;

    SpaceFixture space;

    @BeforeEach
    void createSpace() {
        space = SpaceFixture.create(as, spaces, accounts);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUploadIsListedWithItsTypeFromTheContentAndItsFirstVersion() throws Exception {
        byte[] pdf = SpaceFixture.sampleBytes("jaarverslag-2025.pdf");
        StoredDocument stored = as.call(MEMBER, () -> documents.upload(space.root(), "Jaarverslag 2025.pdf",
                new ByteArrayInputStream(pdf), pdf.length));
        assertThat(stored.newDocument()).isTrue();
        assertThat(stored.versionNumber()).isEqualTo(1);

        List<FolderItem> items = as.call(READER, () -> documents.list(space.root(), 0, 50, FolderSort.BY_NAME));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.name()).isEqualTo("Jaarverslag 2025.pdf");
            assertThat(item.mediaType()).isEqualTo("application/pdf");
            assertThat(item.size()).isEqualTo(pdf.length);
            assertThat(item.modifiedBy()).isEqualTo("Lars Lid");
        });
        VersionInfo version = as.call(READER, () -> documents.versions(stored.documentId())).getFirst();
        assertThat(version.sha256()).isEqualTo(sha256(pdf));
        assertThat(version.uploadedBy()).isEqualTo("Lars Lid");
        assertThat(blobs.exists(version.sha256())).isTrue();
        try (InputStream in = as.call(READER, () -> documents.content(version.id())).open()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void uploadingOntoAnExistingNameMakesANewVersionAndKeepsTheHistory() throws Exception {
        StoredDocument first = as.call(MEMBER, () -> documents.upload(space.root(), "Actielijst.csv",
                SpaceFixture.text("nummer,actie\n1,Brief sturen\n"), -1));
        StoredDocument second = as.call(SECRETARY, () -> documents.upload(space.root(), "ACTIELIJST.csv",
                SpaceFixture.text("nummer,actie\n1,Brief sturen\n2,Begroting\n"), -1));
        assertThat(second.documentId()).isEqualTo(first.documentId());
        assertThat(second.versionNumber()).isEqualTo(2);
        assertThat(second.newDocument()).isFalse();
        List<VersionInfo> history = as.call(READER, () -> documents.versions(first.documentId()));
        assertThat(history).extracting(VersionInfo::number, VersionInfo::uploadedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "Sanne Secretaris"),
                        org.assertj.core.groups.Tuple.tuple(1, "Lars Lid"));
        // The document keeps its own name; the uploaded file name is kept with the version.
        assertThat(as.call(READER, () -> documents.document(first.documentId())).name()).isEqualTo("Actielijst.csv");
        assertThat(history.getFirst().originalName()).isEqualTo("ACTIELIJST.csv");

        // Any version can be downloaded; an older one restored becomes the newest.
        try (InputStream in = as.call(READER, () -> documents.content(history.get(1).id())).open()) {
            assertThat(new String(in.readAllBytes())).doesNotContain("Begroting");
        }
        assertThat(as.call(READER, () -> documents.content(history.get(1).id())).fileName())
                .isEqualTo("Actielijst (v1).csv");
        StoredDocument restored = as.call(MEMBER, () -> documents.restoreVersion(first.documentId(), 1));
        assertThat(restored.versionNumber()).isEqualTo(3);
        VersionInfo newest = as.call(READER, () -> documents.versions(first.documentId())).getFirst();
        assertThat(newest.restoredFrom()).isEqualTo(1);
        assertThat(newest.sha256()).isEqualTo(history.get(1).sha256());
    }

    @Test
    void twoNewVersionsAtTheSameMomentAreBothKeptInOrder() throws Exception {
        StoredDocument original = as.call(MEMBER, () -> documents.upload(space.root(), "Begroting.csv",
                SpaceFixture.text("post,bedrag\nhuur,100\n"), -1));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StoredDocument>> results = new ArrayList<>();
            for (String who : List.of(MEMBER, SECRETARY)) {
                results.add(pool.submit(() -> as.call(who, () -> {
                    awaitBarrier(start);
                    return documents.uploadVersion(original.documentId(), "Begroting.csv",
                            SpaceFixture.text("post,bedrag\nhuur,100\n" + who + ",1\n"), -1);
                })));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<StoredDocument> result : results) {
                numbers.add(result.get().versionNumber());
            }
            assertThat(numbers).containsExactlyInAnyOrder(2, 3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(as.call(READER, () -> documents.versions(original.documentId())))
                .extracting(VersionInfo::number).containsExactly(3, 2, 1);
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void foldersNestAndNamesAreUniquePerFolderIgnoringCase() {
        FolderId stukken = as.call(MEMBER, () -> documents.createFolder(space.root(), "Vergaderstukken"));
        FolderId januari = as.call(MEMBER, () -> documents.createFolder(stukken, "Januari"));
        assertThat(as.call(READER, () -> documents.folder(januari)).fullPath())
                .isEqualTo(space.name() + "/Vergaderstukken/Januari");
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.createFolder(space.root(), "VERGADERSTUKKEN")))
                .isInstanceOf(NameException.class).extracting("messageKey").isEqualTo("names.taken");
        // A document cannot take a folder's name either.
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.upload(space.root(), "vergaderstukken",
                SpaceFixture.text("tekst"), -1))).isInstanceOf(NameException.class);
        // The same name in another folder is fine.
        as.run(MEMBER, () -> documents.createFolder(januari, "Vergaderstukken"));
    }

    @Test
    void renameAndMoveCarryAVersionSoThatAStaleChangeIsRefused() {
        FolderId archief = as.call(MEMBER, () -> documents.createFolder(space.root(), "Archief"));
        StoredDocument doc = as.call(MEMBER, () -> documents.upload(space.root(), "Notitie.txt",
                SpaceFixture.text("Een notitie"), -1));
        long version = as.call(MEMBER, () -> documents.document(doc.documentId())).version();
        as.run(MEMBER, () -> documents.renameDocument(doc.documentId(), "Notitie bestuur.txt", version));
        assertThatThrownBy(() -> as.run(SECRETARY, () -> documents.moveDocument(doc.documentId(), archief,
                version))).isInstanceOf(ConcurrentEditException.class);
        long fresh = as.call(MEMBER, () -> documents.document(doc.documentId())).version();
        as.run(SECRETARY, () -> documents.moveDocument(doc.documentId(), archief, fresh));
        DocumentDetails moved = as.call(READER, () -> documents.document(doc.documentId()));
        assertThat(moved.name()).isEqualTo("Notitie bestuur.txt");
        assertThat(moved.folder().id()).isEqualTo(archief);
    }

    @Test
    void aFolderCannotMoveIntoItselfOrItsOwnSubfolder() {
        FolderId a = as.call(MEMBER, () -> documents.createFolder(space.root(), "A"));
        FolderId b = as.call(MEMBER, () -> documents.createFolder(a, "B"));
        long version = as.call(MEMBER, () -> documents.folder(a)).version();
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.moveFolder(a, b, version)))
                .isInstanceOf(TafelException.class).extracting("messageKey")
                .isEqualTo("spaces.error.moveIntoItself");
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.moveFolder(a, a, version)))
                .isInstanceOf(TafelException.class).extracting("messageKey")
                .isEqualTo("spaces.error.moveIntoItself");
        assertThat(as.call(MEMBER, () -> documents.folder(b)).path()).extracting(FolderDetails.Crumb::name)
                .containsExactly("", "A");
    }

    @Test
    void readersReadButDoNotChangeAndOutsidersFindNothing() {
        StoredDocument doc = as.call(MEMBER, () -> documents.upload(space.root(), "Notitie.txt",
                SpaceFixture.text("Alleen voor leden"), -1));
        assertThatThrownBy(() -> as.run(READER, () -> documents.upload(space.root(), "Mag niet.txt",
                SpaceFixture.text("x"), -1))).isInstanceOf(TafelException.class).extracting("messageKey")
                .isEqualTo("spaces.error.role.contributor");
        assertThatThrownBy(() -> as.run(READER, () -> documents.deleteDocument(doc.documentId())))
                .isInstanceOf(TafelException.class);
        VersionId version = as.call(READER, () -> documents.versions(doc.documentId())).getFirst().id();
        for (Runnable call : List.<Runnable>of(
                () -> documents.document(doc.documentId()),
                () -> documents.versions(doc.documentId()),
                () -> documents.content(version),
                () -> documents.list(space.root(), 0, 10, FolderSort.BY_NAME),
                () -> documents.createFolder(space.root(), "Van buiten"),
                () -> documents.upload(space.root(), "Van buiten.txt", SpaceFixture.text("x"), -1),
                () -> documents.trash(space.id()))) {
            assertThatThrownBy(() -> as.run(OUTSIDER, call)).isInstanceOf(SpaceNotFoundException.class);
        }
    }

    @Test
    void idsFromAnotherSpaceAnswerNotFoundEvenForItsMembers() {
        SpaceFixture other = SpaceFixture.create(as, spaces, accounts);
        as.run(SECRETARY, () -> spaces.removeMember(other.id(), SpaceFixture.person(accounts, MEMBER)));
        StoredDocument elsewhere = as.call(SECRETARY, () -> documents.upload(other.root(), "Geheim.txt",
                SpaceFixture.text("geheim"), -1));
        FolderId mine = as.call(MEMBER, () -> documents.createFolder(space.root(), "Mijn map"));
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.document(elsewhere.documentId())))
                .isInstanceOf(SpaceNotFoundException.class);
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.content(elsewhere.versionId())))
                .isInstanceOf(SpaceNotFoundException.class);
        // Moving into a folder of another space, where the person is not, is not found either.
        long version = as.call(MEMBER, () -> documents.folder(mine)).version();
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.moveFolder(mine, other.root(), version)))
                .isInstanceOf(SpaceNotFoundException.class);
    }

    @Test
    void deletedItemsGoToTheTrashAndComeBack() {
        FolderId map = as.call(MEMBER, () -> documents.createFolder(space.root(), "Concepten"));
        StoredDocument inside = as.call(MEMBER, () -> documents.upload(map, "Concept.txt",
                SpaceFixture.text("concept"), -1));
        StoredDocument loose = as.call(MEMBER, () -> documents.upload(space.root(), "Los.txt",
                SpaceFixture.text("los"), -1));
        as.run(MEMBER, () -> documents.deleteFolder(map));
        as.run(MEMBER, () -> documents.deleteDocument(loose.documentId()));
        assertThat(as.call(READER, () -> documents.count(space.root()))).isZero();
        assertThatThrownBy(() -> as.run(READER, () -> documents.document(inside.documentId())))
                .isInstanceOf(SpaceNotFoundException.class);
        assertThat(as.call(MEMBER, () -> documents.trash(space.id())))
                .extracting(TrashItem::name, TrashItem::deletedBy)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Concepten", "Lars Lid"),
                        org.assertj.core.groups.Tuple.tuple("Los.txt", "Lars Lid"));
        // Meanwhile someone took the name; the restored document comes back beside it.
        as.run(SECRETARY, () -> documents.upload(space.root(), "Los.txt", SpaceFixture.text("nieuw"), -1));
        assertThat(as.call(MEMBER, () -> documents.restore(FolderItem.Kind.DOCUMENT, loose.documentId().value())))
                .isEqualTo("Los (2).txt");
        as.call(MEMBER, () -> documents.restore(FolderItem.Kind.FOLDER, map.value()));
        assertThat(as.call(READER, () -> documents.document(inside.documentId())).name()).isEqualTo("Concept.txt");
        assertThat(as.call(MEMBER, () -> documents.trash(space.id()))).isEmpty();
    }

    @Test
    void theTrashIsPurgedAfterThirtyDaysWithItsContent() {
        byte[] unique = ("Uniek " + java.util.UUID.randomUUID()).getBytes();
        StoredDocument doc = as.call(MEMBER, () -> documents.upload(space.root(), "Weg.txt",
                new ByteArrayInputStream(unique), unique.length));
        String sha = as.call(MEMBER, () -> documents.versions(doc.documentId())).getFirst().sha256();
        as.run(MEMBER, () -> documents.deleteDocument(doc.documentId()));
        clock.advance(Duration.ofDays(29));
        as.call(nl.tafel.TestAccounts.ADMIN, storage::purgeExpiredTrash);
        assertThat(as.call(MEMBER, () -> documents.trash(space.id()))).hasSize(1);
        assertThat(blobs.exists(sha)).isTrue();
        clock.advance(Duration.ofDays(2));
        int removed = as.call(nl.tafel.TestAccounts.ADMIN, storage::purgeExpiredTrash);
        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(as.call(MEMBER, () -> documents.trash(space.id()))).isEmpty();
        assertThat(blobs.exists(sha)).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_log where subject_id = ? and action = ?", Integer.class,
                doc.documentId().toString(), "DOCUMENT_PURGED")).isEqualTo(1));
    }

    @Test
    void theSameContentIsStoredOnceAndKeptWhileAnyVersionUsesIt() {
        byte[] same = ("Gedeeld " + java.util.UUID.randomUUID()).getBytes();
        StoredDocument a = as.call(MEMBER, () -> documents.upload(space.root(), "A.txt",
                new ByteArrayInputStream(same), same.length));
        StoredDocument b = as.call(MEMBER, () -> documents.upload(space.root(), "B.txt",
                new ByteArrayInputStream(same), same.length));
        String sha = as.call(MEMBER, () -> documents.versions(a.documentId())).getFirst().sha256();
        assertThat(as.call(MEMBER, () -> documents.versions(b.documentId())).getFirst().sha256()).isEqualTo(sha);
        as.run(MEMBER, () -> documents.deleteDocument(a.documentId()));
        clock.advance(Duration.ofDays(31));
        as.call(nl.tafel.TestAccounts.ADMIN, storage::purgeExpiredTrash);
        assertThat(blobs.exists(sha)).as("B still uses the content").isTrue();
    }

    @Test
    void thePurgeLeavesContentAloneThatAnUploadHasJustCommitted() throws Exception {
        byte[] content = ("Opnieuw " + java.util.UUID.randomUUID()).getBytes();
        StoredDocument old = as.call(MEMBER, () -> documents.upload(space.root(), "Oud.txt",
                new ByteArrayInputStream(content), content.length));
        String sha = as.call(MEMBER, () -> documents.versions(old.documentId())).getFirst().sha256();
        as.run(MEMBER, () -> documents.deleteDocument(old.documentId()));
        clock.advance(Duration.ofDays(31));
        // The same bytes arrive in an upload that has committed its blob but not yet written its row.
        try (var staged = blobs.stage(new ByteArrayInputStream(content), 1000)) {
            blobs.commit(staged);
        }
        as.call(nl.tafel.TestAccounts.ADMIN, storage::purgeExpiredTrash);
        assertThat(as.call(MEMBER, () -> documents.trash(space.id()))).as("the old document is purged").isEmpty();
        assertThat(blobs.exists(sha)).isTrue();
    }

    @Test
    void textIsExtractedInTheBackgroundForTheSearchToCome() {
        StoredDocument doc = as.call(MEMBER, () -> documents.upload(space.root(), "Notulen.pdf",
                SpaceFixture.sample("notulen-bestuur-2025-12.pdf"), -1));
        StoredDocument docx = as.call(MEMBER, () -> documents.upload(space.root(), "Jaarverslag.docx",
                SpaceFixture.sample("jaarverslag-2025.docx"), -1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(as.call(READER, () -> documents.versions(doc.documentId())).getFirst().textStatus())
                    .isEqualTo(TextStatus.DONE);
            assertThat(as.call(READER, () -> documents.versions(docx.documentId())).getFirst().textStatus())
                    .isEqualTo(TextStatus.DONE);
        });
        assertThat(text.textOf(doc.versionId().value())).containsIgnoringCase("notulen");
        assertThat(text.textOf(docx.versionId().value())).containsIgnoringCase("Ondernemend Leiden");
        assertThat(as.call(READER, () -> documents.document(docx.documentId())).mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void everyChangeReachesTheAuditLogThroughDurableEvents() {
        StoredDocument doc = as.call(MEMBER, () -> documents.upload(space.root(), "Gelogd.txt",
                SpaceFixture.text("log"), -1));
        long version = as.call(MEMBER, () -> documents.document(doc.documentId())).version();
        as.run(MEMBER, () -> documents.renameDocument(doc.documentId(), "Gelogd 2.txt", version));
        as.run(MEMBER, () -> documents.deleteDocument(doc.documentId()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select action from audit_log where subject_id = ? order by id", String.class,
                doc.documentId().toString()))
                // each change exactly once; durable listeners run asynchronously, so not necessarily in order
                .containsExactlyInAnyOrder("DOCUMENT_STORED", "DOCUMENT_RENAMED", "DOCUMENT_TRASHED"));
        assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
                + " and serialized_event like ?", Integer.class, "%" + doc.documentId() + "%")).isZero();
    }

    @Test
    void theBlobCheckReportsMissingAndOrphanedContent() throws Exception {
        byte[] content = ("Check " + java.util.UUID.randomUUID()).getBytes();
        StoredDocument doc = as.call(MEMBER, () -> documents.upload(space.root(), "Check.txt",
                new ByteArrayInputStream(content), content.length));
        String sha = as.call(MEMBER, () -> documents.versions(doc.documentId())).getFirst().sha256();
        BlobReport healthy = as.call(nl.tafel.TestAccounts.ADMIN, storage::check);
        assertThat(healthy.missing()).doesNotContain(sha);
        blobs.delete(sha);
        byte[] stray = ("Los " + java.util.UUID.randomUUID()).getBytes();
        try (var staged = ((nl.tafel.spaces.internal.LocalBlobStore) blobs)
                .stage(new ByteArrayInputStream(stray), 1000)) {
            blobs.commit(staged);
        }
        BlobReport report = as.call(nl.tafel.TestAccounts.ADMIN, storage::check);
        assertThat(report.missing()).contains(sha);
        assertThat(report.orphaned()).contains(sha256(stray));
        assertThat(report.healthy()).isFalse();
        // The download says the content is gone rather than failing silently.
        assertThatThrownBy(() -> as.call(READER, () -> documents.content(doc.versionId())).open())
                .isInstanceOf(nl.tafel.spaces.internal.MissingBlobException.class);
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.restoreVersion(doc.documentId(), 1)))
                .isInstanceOf(TafelException.class).extracting("messageKey")
                .isEqualTo("spaces.error.contentMissing");
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
