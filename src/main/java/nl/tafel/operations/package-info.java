/**
 * Operations: backups that restore (one consistent archive of the database and the document content it refers to,
 * with a manifest of counts and hashes), the nightly backup of the trial, and the command line's
 * {@code backup}/{@code restore} (ADR 0022).
 */
@ApplicationModule(displayName = "Operations")
@NullMarked
package nl.tafel.operations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
