/**
 * Minutes: the notulen per meeting, laid out by its agenda (text per item in Markdown, rendered and sanitized on
 * the server), the decisions taken (B-2026-001) and the space's decision register, and the workflow concept →
 * rondgestuurd → vastgesteld, after which the minutes are locked.
 * <p>It writes actions through the actions module.
 */
@ApplicationModule(displayName = "Minutes")
@NullMarked
package nl.tafel.minutes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
