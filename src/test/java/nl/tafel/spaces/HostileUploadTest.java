package nl.tafel.spaces;

import static nl.tafel.TestAccounts.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.members.AccountDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Uploads that must be refused with a clear message, leaving nothing behind: no database row, no blob, no staged
 * file. The test context allows 5 MB per file.
 */
@TafelTest
class HostileUploadTest {

    @Autowired
    SpaceService spaces;
    @Autowired
    DocumentService documents;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs as;
    @Value("${tafel.spaces.blob-dir}")
    Path blobDir;

    SpaceFixture space;
    long blobsBefore;

    @BeforeEach
    void createSpace() throws IOException {
        space = SpaceFixture.create(as, spaces, accounts);
        blobsBefore = countBlobs();
    }

    @AfterEach
    void nothingWasLeftBehind() throws IOException {
        assertThat(as.call(MEMBER, () -> documents.count(space.root()))).as("documents in the folder").isZero();
        assertThat(countBlobs()).as("blobs").isEqualTo(blobsBefore);
        try (Stream<Path> staged = Files.list(blobDir.resolve(".staging"))) {
            assertThat(staged).as("staged files").isEmpty();
        }
    }

    private long countBlobs() throws IOException {
        if (!Files.isDirectory(blobDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobDir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".staging")).count();
        }
    }

    private void refused(String name, InputStream content, long size, String key) {
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.upload(space.root(), name, content, size)))
                .isInstanceOf(nl.tafel.shared.TafelException.class)
                .extracting("messageKey").isEqualTo(key);
    }

    @Test
    void anEmptyFileIsRefused() {
        refused("Leeg.pdf", new ByteArrayInputStream(new byte[0]), 0, "upload.error.empty");
        refused("Leeg.pdf", new ByteArrayInputStream(new byte[0]), -1, "upload.error.empty");
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileItStreams() {
        long limit = as.call(MEMBER, documents::maxUploadSize);
        refused("Groot.bin", new ByteArrayInputStream(new byte[16]), limit + 1, "upload.error.tooLarge");
        // A browser that does not announce the size is stopped as soon as the limit is passed.
        refused("Groot.bin", new ZeroStream(limit + 1), -1, "upload.error.tooLarge");
    }

    @Test
    void anUploadCutOffMidwayIsRefusedAndNothingIsKept() {
        refused("Afgebroken.pdf", new BreakingStream(SpaceFixture.sampleBytes("jaarverslag-2025.pdf"), 50_000),
                175_415, "upload.error.interrupted");
        // Or the connection simply ends early: fewer bytes than announced.
        byte[] half = java.util.Arrays.copyOf(SpaceFixture.sampleBytes("jaarverslag-2025.pdf"), 80_000);
        refused("Half.pdf", new ByteArrayInputStream(half), 175_415, "upload.error.interrupted");
    }

    @Test
    void aProgramIsNeverStoredWhateverItsName() {
        refused("Jaarverslag 2025.pdf", new ByteArrayInputStream(windowsProgram()), -1, "upload.error.program");
        refused("setup.exe", new ByteArrayInputStream(windowsProgram()), -1, "upload.error.program");
        refused("install.sh", SpaceFixture.text("#!/bin/sh\nrm -rf /\n"), -1, "upload.error.program");
    }

    @Test
    void anExtensionThatLiesAboutTheContentIsRefused() {
        refused("Notulen.pdf", SpaceFixture.sample("jaarverslag-2025.docx"), -1, "upload.error.typeMismatch");
        refused("Foto.png", SpaceFixture.sample("jaarverslag-2025.pdf"), -1, "upload.error.typeMismatch");
        refused("Brief.docx", SpaceFixture.text("<html><body><script>alert(1)</script></body></html>"), -1,
                "upload.error.typeMismatch");
    }

    @Test
    void aNewVersionMustBeOfTheDocumentsType() throws IOException {
        StoredDocument report = as.call(MEMBER, () -> documents.upload(space.root(), "Jaarverslag.pdf",
                SpaceFixture.sample("jaarverslag-2025.pdf"), -1));
        // From here on nothing may be added: the refused version leaves no blob.
        blobsBefore = countBlobs();
        assertThatThrownBy(() -> as.run(MEMBER, () -> documents.uploadVersion(report.documentId(),
                "jaarverslag-2025.docx", SpaceFixture.sample("jaarverslag-2025.docx"), -1)))
                .isInstanceOf(UploadException.class)
                .satisfies(e -> {
                    UploadException u = (UploadException) e;
                    assertThat(u.messageKey()).isEqualTo("upload.error.versionType");
                    assertThat(u.arguments()).containsExactly("Jaarverslag.pdf", ".pdf", "DOCX");
                });
        assertThat(as.call(MEMBER, () -> documents.versions(report.documentId()))).hasSize(1);
        // This test's document goes to the trash (its blob stays there), so that the folder is empty again.
        as.run(MEMBER, () -> documents.deleteDocument(report.documentId()));
    }

    @Test
    void forbiddenAndScriptNamesAreRefusedBeforeAnyByteIsRead() {
        CountingStream content = new CountingStream(SpaceFixture.sampleBytes("actielijst.csv"));
        refused("<script>alert(1)</script>.csv", content, -1, "names.forbiddenCharacters");
        refused("~$actielijst.csv", content, -1, "names.tildeDollar");
        refused("CON.csv", content, -1, "names.reserved");
        refused("x".repeat(300) + ".csv", content, -1, "names.tooLong");
        assertThat(content.read).as("bytes read from refused uploads").isZero();
    }

    /** The first bytes of a Windows program (MZ header with a PE signature). */
    static byte[] windowsProgram() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        exe[0x84] = 0x4c;
        exe[0x85] = 0x01;
        return exe;
    }

    /** Zeros, as many as asked, without holding them in memory. */
    static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }

    /** Delivers some bytes, then fails as a dropped connection does. */
    static final class BreakingStream extends InputStream {
        private final ByteArrayInputStream in;
        private int left;

        BreakingStream(byte[] content, int breakAfter) {
            this.in = new ByteArrayInputStream(content);
            this.left = breakAfter;
        }

        @Override
        public int read() throws IOException {
            if (left-- <= 0) {
                throw new IOException("Connection reset by peer");
            }
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("Connection reset by peer");
            }
            int n = in.read(b, off, Math.min(len, left));
            left -= n;
            return n;
        }
    }

    static final class CountingStream extends InputStream {
        private final ByteArrayInputStream in;
        long read;

        CountingStream(byte[] content) {
            this.in = new ByteArrayInputStream(content);
        }

        @Override
        public int read() {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }
    }
}
