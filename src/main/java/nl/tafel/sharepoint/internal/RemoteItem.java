package nl.tafel.sharepoint.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What Tafel needs to know of one SharePoint item, from a Graph answer. */
public record RemoteItem(String id, @Nullable String name, @Nullable String parentId, @Nullable String eTag,
        @Nullable String cTag, @Nullable String quickXorHash, long size, boolean folder, boolean deleted,
        @Nullable Instant modifiedAt) {
}
