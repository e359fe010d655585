/**
 * Audit: an append-only log of views, downloads and permission changes.
 * <p>Not built yet: the module is declared so that the module map and its rules hold from the start.
 */
@ApplicationModule
@NullMarked
package nl.tafel.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
