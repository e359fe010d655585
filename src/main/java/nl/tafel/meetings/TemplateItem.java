package nl.tafel.meetings;

/** A standing item of a series' agenda template; {@code atEnd} items close the agenda (Rondvraag, Sluiting). */
public record TemplateItem(String title, ItemPurpose purpose, int minutes, boolean atEnd) {
}
