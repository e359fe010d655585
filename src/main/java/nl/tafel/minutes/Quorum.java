package nl.tafel.minutes;

import org.jspecify.annotations.Nullable;

/**
 * The quorum rule of the meeting's series, checked against the attendance list at "Opening".
 *
 * @param rule the rule in words, as the series states it (may be null when only a share is set)
 * @param percent the share of the members on the list that must be present, or null when the series sets none
 * @param present members (not guests) marked present
 * @param members members (not guests) on the list
 * @param unknown members whose presence is still unknown
 * @param met whether the share is reached; null when there is no share to check
 */
public record Quorum(@Nullable String rule, @Nullable Integer percent, int present, int members, int unknown,
        @Nullable Boolean met) {
}
