/** The news screens: the timeline (also on the overview), a post's page, and the editor. */
@NullMarked
package nl.tafel.news.ui;

import org.jspecify.annotations.NullMarked;
