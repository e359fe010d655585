package nl.tafel.spaces;

import java.time.Instant;
import java.util.List;

/**
 * Where a document is used beyond its folder, so that deleting it is not done unknowingly: the meetings module says
 * which published agendas carry it as a paper. Implemented by the modules that use documents (spaces depends on none
 * of them); asked through {@link DocumentUsage}.
 */
public interface DocumentUses {

    /** The uses of the document, or none; the caller has checked that the person may read it. */
    List<Use> usesOf(DocumentId document);

    /** One use: what (a meeting's title) and when (its start). */
    record Use(String what, Instant when) {
    }
}
