package nl.tafel.news;

/** Where a sign-up ended: confirmed, or on the waiting list at this position (from 1). */
public record SignupResult(SignupStatus status, int position) {
}
