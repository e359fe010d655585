package nl.tafel.spaces;

/** A document to pick: its name and the folder it is in ("/Vergaderstukken 2026"). */
public record DocumentChoice(DocumentId id, String name, String folderPath) {
}
