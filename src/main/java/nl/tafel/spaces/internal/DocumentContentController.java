package nl.tafel.spaces.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.tafel.spaces.DocumentContent;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.VersionId;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves document content, only to signed-in people with a role in the document's space (the service checks). URLs
 * carry a random version id; a version the person may not see answers 404, just like one that does not exist.
 * Nothing uploaded is ever served as active content: downloads are attachments, only PDFs and pictures open inline,
 * always with {@code nosniff} and a sandboxing content security policy. {@link nl.tafel.spaces.Links} builds the
 * URLs.
 */
@RestController
class DocumentContentController {

    static final String BASE = "/bestanden/";
    static final String FILE_POLICY =
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";

    private final DocumentService documents;

    DocumentContentController(DocumentService documents) {
        this.documents = documents;
    }

    /** The file as a download. */
    @GetMapping(BASE + "{versionId}")
    ResponseEntity<InputStreamResource> download(@PathVariable String versionId) throws IOException {
        DocumentContent content = documents.content(id(versionId));
        return send(content, false);
    }

    /** The current version of a document as a download. */
    @GetMapping(BASE + "document/{documentId}")
    ResponseEntity<InputStreamResource> downloadCurrent(@PathVariable String documentId) throws IOException {
        DocumentContent content = documents.currentContent(
                DocumentId.parse(documentId).orElseThrow(SpaceNotFoundException::new));
        return send(content, false);
    }

    /** The file to read in the browser: PDFs and pictures inline, anything else still as a download. */
    @GetMapping(BASE + "{versionId}/lezen")
    ResponseEntity<InputStreamResource> read(@PathVariable String versionId) throws IOException {
        DocumentContent content = documents.content(id(versionId));
        return send(content, ContentTypes.showsInline(content.mediaType()));
    }

    /** An office file converted to PDF, to read inline. */
    @GetMapping(BASE + "{versionId}/pdf")
    ResponseEntity<InputStreamResource> pdf(@PathVariable String versionId) throws IOException {
        Optional<DocumentContent> pdf = documents.readableCopy(id(versionId));
        if (pdf.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return send(pdf.get(), true);
    }

    private static ResponseEntity<InputStreamResource> send(DocumentContent content, boolean inline)
            throws IOException {
        HttpHeaders headers = new HttpHeaders();
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(content.fileName(), StandardCharsets.UTF_8).build();
        headers.setContentDisposition(disposition);
        headers.set("X-Content-Type-Options", "nosniff");
        // Nothing served may run anything, PDFs included (issue 18: a PDF's JavaScript ran in the browser's viewer):
        // a sandbox without allow-scripts. Tafel's pages draw PDFs with pdf.js, which fetches them; only Tafel's own
        // pages may frame the content.
        headers.set("Content-Security-Policy", FILE_POLICY);
        headers.setCacheControl(CacheControl.noCache().cachePrivate());
        headers.setETag("\"" + content.sha256() + "\"");
        MediaType type = inline ? MediaType.parseMediaType(content.mediaType()) : MediaType.APPLICATION_OCTET_STREAM;
        if (content.size() >= 0) {
            headers.setContentLength(content.size());
        }
        InputStream in = content.open();
        return ResponseEntity.ok().headers(headers).contentType(type).body(new InputStreamResource(in));
    }

    private static VersionId id(String text) {
        return VersionId.parse(text).orElseThrow(SpaceNotFoundException::new);
    }

    @ExceptionHandler(SpaceNotFoundException.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
    }

    @ExceptionHandler(MissingBlobException.class)
    ResponseEntity<String> missing() {
        return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.TEXT_PLAIN).body("Content missing");
    }
}
