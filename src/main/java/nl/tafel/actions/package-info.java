/**
 * Actions: follow-up actions with owners and due dates, carried over to the next agenda until done.
 * <p>Not built yet: the module is declared so that the module map and its rules hold from the start.
 */
@ApplicationModule
@NullMarked
package nl.tafel.actions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
