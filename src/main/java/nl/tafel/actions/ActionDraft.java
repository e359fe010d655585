package nl.tafel.actions;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record ActionDraft(String description, List<ActionOwner> owners, @Nullable LocalDate due) {
}
