/**
 * News: posts for the whole association or for one space (its members only), with Markdown text, attachments and
 * an image stored as documents, scheduled publishing and pinning; comments and reactions; events with sign-up,
 * guests, a capacity and a waiting list. The timeline sits on the overview ({@code shared.ui.OverviewSection}).
 */
@ApplicationModule(displayName = "News")
@NullMarked
package nl.tafel.news;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
