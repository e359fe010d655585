/**
 * Audit: an append-only log of what happened to documents (and later views, downloads and permission changes).
 * <p>It listens to other modules' events through the event publication registry, so an entry is written even when
 * the application stops right after the change: the publication is completed on the next start.
 */
@ApplicationModule
@NullMarked
package nl.tafel.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
