/**
 * News: posts and announcements per space or association-wide, and digests.
 * <p>Not built yet: the module is declared so that the module map and its rules hold from the start.
 */
@ApplicationModule
@NullMarked
package nl.tafel.news;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
