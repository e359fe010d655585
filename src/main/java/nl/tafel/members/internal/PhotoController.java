package nl.tafel.members.internal;

import nl.tafel.members.DirectoryNotFoundException;
import nl.tafel.members.DirectoryService;
import nl.tafel.members.PhotoContent;
import nl.tafel.shared.PersonId;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a person's directory photo to signed-in people who may see it (the service checks the photo's visibility);
 * anything else, including a person without a photo, answers 404. Always with {@code nosniff} and a sandboxing content
 * security policy; the stored type was detected from the bytes, so only pictures are ever served.
 */
@RestController
class PhotoController {

    private final DirectoryService directory;

    PhotoController(DirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping("/ledenfoto/{personId}")
    ResponseEntity<byte[]> photo(@PathVariable String personId) {
        long id;
        try {
            id = Long.parseLong(personId);
        } catch (NumberFormatException e) {
            throw new DirectoryNotFoundException();
        }
        PhotoContent photo = directory.photo(PersonId.of(id));
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setCacheControl(CacheControl.noCache().cachePrivate());
        headers.setETag("\"" + photo.sha256() + "\"");
        return ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(photo.mediaType()))
                .body(photo.content());
    }

    @ExceptionHandler(DirectoryNotFoundException.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
    }
}
