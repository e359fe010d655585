/**
 * Spaces: document spaces per board or group, folders, versioned documents, the blob store and text extraction.
 * <p>Not built yet: the module is declared so that the module map and its rules hold from the start.
 */
@ApplicationModule
@NullMarked
package nl.tafel.spaces;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
