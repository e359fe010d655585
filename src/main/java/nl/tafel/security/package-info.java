/**
 * Security: sign-in with local accounts (e-mail and password, e-mailed one-time links), sign-in throttling,
 * sessions, and the current user. Access rules per space and meeting come with those modules.
 */
@ApplicationModule(displayName = "Security")
@NullMarked
package nl.tafel.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
