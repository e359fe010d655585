package nl.tafel.sharepoint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.tafel.spaces.DocumentNames;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The small rules of the sync: name mapping, Retry-After, conflict names, piece sizes and back-off. */
class SyncRulesTest {

    @Test
    void remoteNamesTafelRefusesAreMappedReversibly() {
        assertThat(RemoteNames.toLocal("Begroting 2026.xlsx")).isEqualTo("Begroting 2026.xlsx");
        for (String remote : new String[] {"Notulen: januari?.docx", "CON.txt", "~$lock.docx", "a_vti_b.txt",
                "tab\there.txt", " leading.pdf"}) {
            String local = RemoteNames.toLocal(remote);
            assertThat(DocumentNames.check(local)).as(local).isEmpty();
            assertThat(local).isNotEqualTo(remote);
            assertThat(RemoteNames.toRemote(local, remote)).isEqualTo(remote);
        }
        assertThat(RemoteNames.toLocal("Notulen: januari?.docx")).isEqualTo("Notulen： januari？.docx");
        // renamed here since: the new local name goes up as it is
        assertThat(RemoteNames.toRemote("Notulen januari.docx", "Notulen: januari?.docx"))
                .isEqualTo("Notulen januari.docx");
    }

    @Test
    void retryAfterIsHonouredInFullInSecondsOrAsADate() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        assertThat(GraphGateway.retryAfter("2", now)).isEqualTo(Duration.ofSeconds(2));
        assertThat(GraphGateway.retryAfter("400", now)).isEqualTo(Duration.ofSeconds(400));
        assertThat(GraphGateway.retryAfter("Mon, 30 Nov 2026 12:05:00 GMT", now)).isEqualTo(Duration.ofMinutes(5));
        assertThat(GraphGateway.retryAfter(null, now)).isEqualTo(Duration.ofSeconds(10));
        assertThat(GraphGateway.retryAfter("soon", now)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void conflictCopiesAreClearlyNamedAndKeepTheirType() {
        assertThat(SyncEngine.conflictName("Begroting 2026.xlsx", "SharePoint", "2026-11-30 14.05"))
                .isEqualTo("Begroting 2026 (conflict SharePoint 2026-11-30 14.05).xlsx");
        String longName = "x".repeat(250) + ".pdf";
        String copy = SyncEngine.conflictName(longName, "Tafel", "2026-11-30 14.05");
        assertThat(copy).hasSizeLessThanOrEqualTo(255).endsWith("(conflict Tafel 2026-11-30 14.05).pdf");
        assertThat(DocumentNames.check(copy)).isEmpty();
    }

    @Test
    void piecesAreMultiplesOf320KiBUnder60MiB() {
        assertThat(settings(DataSize.ofMegabytes(10)).pieceBytes()).isEqualTo(32 * 327_680);
        assertThat(settings(DataSize.ofKilobytes(100)).pieceBytes()).isEqualTo(327_680);
        assertThat(settings(DataSize.ofMegabytes(200)).pieceBytes() % 327_680).isZero();
        assertThat(settings(DataSize.ofMegabytes(200)).pieceBytes()).isLessThan(60 * 1024 * 1024);
    }

    @Test
    void failedPassesBackOffUpToHalfAnHour() {
        assertThat(SyncRunner.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SyncRunner.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SyncRunner.backoff(20)).isEqualTo(Duration.ofMinutes(30));
    }

    private static SharePointSettings settings(DataSize piece) {
        return new SharePointSettings(null, null, null, null, null, null, 0, 0, piece, null, null, 0);
    }
}
