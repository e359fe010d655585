package nl.tafel.spaces;

/** The result of an upload: which document, which version, and whether the document is new. */
public record StoredDocument(DocumentId documentId, VersionId versionId, int versionNumber, boolean newDocument,
        String name) {
}
