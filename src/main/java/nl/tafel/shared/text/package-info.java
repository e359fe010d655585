/** Text helpers every module may use: Markdown rendered to sanitized HTML. */
@NullMarked
package nl.tafel.shared.text;

import org.jspecify.annotations.NullMarked;
