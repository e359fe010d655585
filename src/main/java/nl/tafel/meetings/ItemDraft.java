package nl.tafel.meetings;

import org.jspecify.annotations.Nullable;

/** What is filled in for an agenda item. */
public record ItemDraft(String title, ItemPurpose purpose, @Nullable String presenter, int minutes,
        @Nullable String description) {
}
