package nl.tafel.spaces;

/** A document in a list: name, type and current version. */
public record DocumentSummary(DocumentId id, String name, String mediaType, int currentVersion,
        VersionId currentVersionId) {
}
