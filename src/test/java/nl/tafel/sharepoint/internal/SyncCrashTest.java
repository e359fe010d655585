package nl.tafel.sharepoint.internal;

import static nl.tafel.TestAccounts.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.StoredDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scenario 13, "killed at any step": the process dies at a named step of a pass (an Error unwinds it without any
 * cleanup of the sync's state, as kill -9 would leave it), then the sync runs again. Whatever the step, the end is
 * the same as without the crash: every change on both sides arrived once, nothing was duplicated or lost.
 */
class SyncCrashTest extends SyncTestSupport {

    static final class Killed extends Error {
        Killed(String step) {
            super("killed at " + step);
        }
    }

    @AfterEach
    void noMoreKilling() {
        SyncEngine.step = name -> {
        };
    }

    @org.junit.jupiter.api.Test
    void aPassKilledRightAfterMakingAConflictCopyMakesNoSecondCopy() {
        syncedCleanly();
        StoredDocument doc = upload(root, "Begroting.txt", text("v1"));
        syncedCleanly();
        newVersion(doc.documentId(), "Begroting.txt", text("v2 hier"));
        advance(Duration.ofMinutes(1));
        FAKE.putFile(drive, remote("Begroting.txt"), text("v2 daar"));
        SyncEngine.step = name -> {
            if (name.equals("conflict-copy")) {
                SyncEngine.step = n -> {
                };
                throw new Killed(name);
            }
        };
        assertThatThrownBy(this::pass).isInstanceOf(Killed.class);
        advance(Duration.ofMinutes(1));
        syncedCleanly();
        syncedCleanly();

        assertThat(tree().documents()).hasSize(2);
        assertThat(tree().documents().stream().map(d -> new String(localBytes(d.name()))))
                .containsExactlyInAnyOrder("v2 hier", "v2 daar");
        assertThat(jdbc.queryForObject("select count(*) from sharepoint_conflict where document_id = ?",
                Integer.class, doc.documentId().value())).isEqualTo(1);
        assertThat(FAKE.allPaths(drive).stream().filter(p -> p.endsWith(".txt"))).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder-created", "session-created", "piece-sent", "downloaded", "deleted-remotely",
            "applied"})
    void aPassKilledAtAnyStepResumesWithoutDuplicatesOrLoss(String killAt) {
        syncedCleanly();
        StoredDocument edited = upload(root, "Begroting.txt", text("begroting v1"));
        StoredDocument removed = upload(root, "Oud.txt", text("oud"));
        FAKE.putFile(drive, remote("Ingekomen/Brief.txt"), text("brief v1"));
        syncedCleanly();

        // changes on both sides
        FolderId folder = as.call(MEMBER, () -> documents.createFolder(root, "Vergaderstukken"));
        byte[] big = pdf(1_500_000, 11); // three pieces of 640 KB
        upload(folder, "Jaarverslag.pdf", big);
        newVersion(edited.documentId(), "Begroting.txt", text("begroting v2"));
        as.run(MEMBER, () -> documents.deleteDocument(removed.documentId()));
        FAKE.putFile(drive, remote("Ingekomen/Brief.txt"), text("brief v2"));
        FAKE.putFile(drive, remote("Ingekomen/Nieuw.txt"), text("nieuw"));

        SyncEngine.step = name -> {
            if (name.equals(killAt)) {
                SyncEngine.step = n -> {
                };
                throw new Killed(name);
            }
        };
        assertThatThrownBy(this::pass).isInstanceOf(Killed.class);

        advance(Duration.ofMinutes(1));
        syncedCleanly();
        syncedCleanly();

        assertThat(FAKE.list(drive, "Tafel/Bestuur")).containsExactlyInAnyOrder("Begroting.txt", "Ingekomen",
                "Vergaderstukken");
        assertThat(FAKE.list(drive, "Tafel/Bestuur/Vergaderstukken")).containsExactly("Jaarverslag.pdf");
        assertThat(FAKE.list(drive, "Tafel/Bestuur/Ingekomen")).containsExactlyInAnyOrder("Brief.txt", "Nieuw.txt");
        assertThat(FAKE.content(drive, remote("Vergaderstukken/Jaarverslag.pdf"))).contains(big);
        assertThat(new String(FAKE.content(drive, remote("Begroting.txt")).orElseThrow())).isEqualTo("begroting v2");

        List<String> local = tree().documents().stream().map(d -> d.name()).toList();
        assertThat(local).containsExactlyInAnyOrder("Begroting.txt", "Jaarverslag.pdf", "Brief.txt", "Nieuw.txt");
        assertThat(new String(localBytes("Brief.txt"))).isEqualTo("brief v2");
        assertThat(new String(localBytes("Begroting.txt"))).isEqualTo("begroting v2");
        assertThat(tree().folders()).extracting(f -> f.name()).containsOnlyOnce("Vergaderstukken", "Ingekomen");
        assertThat(jdbc.queryForObject("select count(*) from sharepoint_upload where link_id = ?", Integer.class,
                link)).isZero();
    }
}
