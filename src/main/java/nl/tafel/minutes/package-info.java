/**
 * Minutes: minutes per meeting and item, decisions, and the draft-circulated-approved workflow.
 * <p>Not built yet: the module is declared so that the module map and its rules hold from the start.
 */
@ApplicationModule
@NullMarked
package nl.tafel.minutes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
