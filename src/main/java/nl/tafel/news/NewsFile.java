package nl.tafel.news;

import nl.tafel.spaces.DocumentContent;

/** An attachment or image of a post, to send to a browser; {@code inline} only for pictures. */
public record NewsFile(DocumentContent content, boolean inline) {
}
