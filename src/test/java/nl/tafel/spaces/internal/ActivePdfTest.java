package nl.tafel.spaces.internal;

import static nl.tafel.TestAccounts.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import nl.tafel.RunAs;
import nl.tafel.TafelTest;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.StoredDocument;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;

/**
 * A PDF with JavaScript (an OpenAction {@code app.alert}) ran its script in the browser's PDF viewer (issue 18). Files
 * opened inline now always come with a sandbox that allows no scripts, PDFs included; Tafel's pages draw PDFs with
 * pdf.js (DocumentsJourneyIT).
 */
@TafelTest
class ActivePdfTest {

    @Autowired
    DocumentContentController controller;
    @Autowired
    DocumentService documents;
    @Autowired
    SpaceService spaces;
    @Autowired
    RunAs as;

    @Test
    void aPdfWithJavaScriptIsServedInlineOnlyInASandboxWithoutScripts() throws Exception {
        byte[] active = pdfWithJavaScript();
        StoredDocument stored = as.call(SECRETARY, () -> {
            SpaceId space = spaces.create("Actieve pdf " + UUID.randomUUID().toString().substring(0, 8), null);
            return documents.upload(spaces.get(space).rootFolder(), "actief.pdf",
                    new ByteArrayInputStream(active), -1);
        });
        ResponseEntity<InputStreamResource> read = as.call(SECRETARY, () -> {
            try {
                return controller.read(stored.versionId().value().toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        read.getBody().getInputStream().close();
        assertThat(read.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(read.getHeaders().getContentDisposition().isInline()).isTrue();
        assertThat(read.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox")
                .doesNotContain("allow-scripts").contains("default-src 'none'");
        assertThat(read.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    static byte[] pdfWithJavaScript() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('Tafel XSS');"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
