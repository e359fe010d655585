package nl.tafel.meetings;

import org.jspecify.annotations.Nullable;

/**
 * A standing item of a series' agenda template; {@code atEnd} items close the agenda (Rondvraag, Sluiting). Its
 * {@code role} goes with it to every agenda made from the template.
 */
public record TemplateItem(String title, ItemPurpose purpose, int minutes, boolean atEnd, @Nullable ItemRole role) {

    /** An item without a role. */
    public TemplateItem(String title, ItemPurpose purpose, int minutes, boolean atEnd) {
        this(title, purpose, minutes, atEnd, null);
    }
}
