/**
 * SharePoint: two-way sync of a space with a folder of a SharePoint document library, through Microsoft Graph.
 * <p>Administrators link a space; {@link nl.tafel.sharepoint.SharePointService} shows each link's state. The sync
 * itself lives in {@code internal}: a pass reads SharePoint's changes (delta), applies them, then sends the space's
 * own changes up, with all its state persisted so that it resumes after any crash. See ADR 0011.
 */
@ApplicationModule(displayName = "SharePoint")
@NullMarked
package nl.tafel.sharepoint;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
