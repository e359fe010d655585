package nl.tafel.members;

import org.jspecify.annotations.Nullable;

/** An organisation (koepel) with the number of people linked to it. */
public record OrganisationDetails(long id, String name, @Nullable String description, @Nullable String website,
        long people, long version) {
}
