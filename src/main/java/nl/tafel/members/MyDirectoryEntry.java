package nl.tafel.members;

import org.jspecify.annotations.Nullable;

/** The signed-in person's own directory entry, as they edit it on their profile page. */
public record MyDirectoryEntry(@Nullable String function, Visibility functionVisibility,
        Visibility organisationVisibility, Visibility emailVisibility, @Nullable String phone,
        Visibility phoneVisibility, @Nullable String bio, Visibility bioVisibility, Visibility photoVisibility,
        boolean hasPhoto, long version) {
}
