/**
 * Review: board members prepare a meeting: reading status, private and shared notes, questions per item.
 * <p>Not built yet: the module is declared so that the module map and its rules hold from the start.
 */
@ApplicationModule
@NullMarked
package nl.tafel.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
