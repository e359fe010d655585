package nl.tafel.members;

/** A person's photo, for the access-checked photo controller. */
public record PhotoContent(String mediaType, byte[] content, String sha256) {
}
