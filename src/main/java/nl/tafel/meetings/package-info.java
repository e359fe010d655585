/**
 * Meetings: meetings, series, agendas with documents per item, attendance and the agenda pack.
 * <p>Not built yet: the module is declared so that the module map and its rules hold from the start.
 */
@ApplicationModule
@NullMarked
package nl.tafel.meetings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
