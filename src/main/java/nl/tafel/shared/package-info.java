/**
 * Shared kernel: value types, the current-user principal, translations and the main layout.
 * Every module may use it; it uses no module.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
@NullMarked
package nl.tafel.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
