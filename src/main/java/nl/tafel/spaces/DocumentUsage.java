package nl.tafel.spaces;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a document is used (a published agenda), asked before it is deleted so that the person is told which
 * meeting it disappears from. Whoever may read the document may ask.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class DocumentUsage {

    private final DocumentService documents;
    private final ObjectProvider<DocumentUses> uses;

    DocumentUsage(DocumentService documents, ObjectProvider<DocumentUses> uses) {
        this.documents = documents;
        this.uses = uses;
    }

    @Transactional(readOnly = true)
    public List<DocumentUses.Use> of(DocumentId id) {
        documents.document(id); // may the person read it
        return uses.orderedStream().flatMap(u -> u.usesOf(id).stream()).toList();
    }
}
