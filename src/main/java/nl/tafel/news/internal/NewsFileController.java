package nl.tafel.news.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.tafel.news.NewsFile;
import nl.tafel.news.NewsNotFoundException;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostId;
import nl.tafel.spaces.DocumentContent;
import nl.tafel.spaces.DocumentId;
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
 * Serves a post's picture and attachments to signed-in people who may read the post (the service checks, and the
 * file must belong to that post); anything else answers 404. Pictures open inline, everything else downloads, always
 * with {@code nosniff} and a sandboxing content security policy, as for documents in spaces.
 */
@RestController
class NewsFileController {

    private final NewsService news;

    NewsFileController(NewsService news) {
        this.news = news;
    }

    @GetMapping("/nieuwsbestanden/{postId}/{documentId}")
    ResponseEntity<InputStreamResource> file(@PathVariable String postId, @PathVariable String documentId)
            throws IOException {
        NewsFile file = news.file(PostId.parse(postId).orElseThrow(NewsNotFoundException::new),
                DocumentId.parse(documentId).orElseThrow(NewsNotFoundException::new));
        DocumentContent content = file.content();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition((file.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(content.fileName(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy",
                "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'");
        headers.setCacheControl(CacheControl.noCache().cachePrivate());
        headers.setETag("\"" + content.sha256() + "\"");
        if (content.size() >= 0) {
            headers.setContentLength(content.size());
        }
        MediaType type = file.inline() ? MediaType.parseMediaType(content.mediaType())
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().headers(headers).contentType(type).body(new InputStreamResource(content.open()));
    }

    @ExceptionHandler(NewsNotFoundException.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
    }
}
