package nl.tafel.sharepoint;

import nl.tafel.spaces.SpaceId;

/**
 * A sync round brought documents from SharePoint into a space (new ones, new versions, conflict copies). The sync's
 * own document events carry the SharePoint sync as their author; listeners that tell people about new documents tell
 * them once per round with this summary instead of once per file.
 *
 * @param round one id per round, so that a redelivered event adds nothing
 */
public record DocumentsSynced(SpaceId spaceId, String spaceName, int documents, String round) {
}
