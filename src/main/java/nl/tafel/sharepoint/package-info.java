/**
 * SharePoint: two-way sync of a space with a SharePoint document library through Microsoft Graph.
 * <p>Not built yet: the module is declared so that the module map and its rules hold from the start.
 */
@ApplicationModule
@NullMarked
package nl.tafel.sharepoint;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
