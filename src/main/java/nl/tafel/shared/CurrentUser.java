package nl.tafel.shared;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in person from Spring Security's context. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<TafelPrincipal> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TafelPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The signed-in person, or an access-denied error when nobody (or a non-Tafel principal) is signed in. */
    public static TafelPrincipal require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    public static PersonId requirePersonId() {
        return require().personId();
    }
}
