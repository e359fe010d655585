/**
 * Actions: follow-up actions (A-2026-001) with owners, due dates, status and dated progress notes; the space's
 * action list, "mijn acties", and the open actions that carry over to the next meeting until one closes them.
 */
@ApplicationModule(displayName = "Actions")
@NullMarked
package nl.tafel.actions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
