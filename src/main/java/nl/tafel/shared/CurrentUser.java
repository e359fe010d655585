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

    /** Whether the signed-in person has one of these application roles ("ADMINISTRATOR", "SECRETARY"…). */
    public static boolean hasAnyRole(String... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        java.util.Set<String> wanted = java.util.Arrays.stream(roles).map(r -> "ROLE_" + r)
                .collect(java.util.stream.Collectors.toSet());
        return authentication.getAuthorities().stream().anyMatch(a -> wanted.contains(a.getAuthority()));
    }

    public static PersonId requirePersonId() {
        return require().personId();
    }

    /** The id under which Tafel itself acts (jobs and listeners), never a person's id. */
    public static final PersonId SYSTEM = new PersonId(0);

    /**
     * Runs work as Tafel itself, with administrator rights: for listeners and jobs that act after a person's change
     * has been committed (sending invitations, reminders). They must only read, or write their own module's data.
     */
    public static void runAsSystem(Runnable work) {
        runAs(SYSTEM, "system@tafel.invalid", "Tafel", "ADMINISTRATOR", work);
    }

    public static <T> T callAsSystem(java.util.function.Supplier<T> work) {
        return callAs(SYSTEM, "system@tafel.invalid", "Tafel", "ADMINISTRATOR", work);
    }

    /** The id under which the SharePoint sync stores what came from SharePoint, never a person's id. */
    public static final PersonId SHAREPOINT = new PersonId(-1);

    /** Runs work as the SharePoint sync (administrator rights), so that its versions show "SharePoint" as author. */
    public static <T> T callAsSharePoint(java.util.function.Supplier<T> work) {
        return callAs(SHAREPOINT, "sharepoint@tafel.invalid", "SharePoint", "ADMINISTRATOR", work);
    }

    /** {@link #runAs} for work that returns a result. */
    public static <T> T callAs(PersonId person, String email, String displayName, String role,
            java.util.function.Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        runAs(person, email, displayName, role, () -> result.set(work.get()));
        return result.get();
    }

    /**
     * Runs work as a given person, outside any request (demo data, jobs), with their application role; the previous
     * security context is restored afterwards.
     */
    public static void runAs(PersonId person, String email, String displayName, String role, Runnable work) {
        record Principal(PersonId personId, String email, String displayName) implements TafelPrincipal {
            @Override
            public java.util.Locale locale() {
                return java.util.Locale.forLanguageTag("nl");
            }
        }
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(new Principal(person, email, displayName), null,
                        java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                "ROLE_" + role))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
