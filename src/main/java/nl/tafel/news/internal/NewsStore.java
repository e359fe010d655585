package nl.tafel.news.internal;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.tafel.shared.CurrentUser;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the attachments and images of association-wide posts are stored: a space "Nieuws" that Tafel makes (as
 * itself) the first time one is needed. Its documents are versioned and checked like any other; people read them
 * only through the post (the news file address checks that they may read the post).
 */
@Component
public class NewsStore {

    static final String NAME = "Nieuws";

    private final JdbcTemplate jdbc;
    private final SpaceService spaces;
    private final TransactionTemplate transactions;

    NewsStore(JdbcTemplate jdbc, SpaceService spaces, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The space for association-wide news files, made once (under a row lock, so never twice). */
    public SpaceId space() {
        UUID id = transactions.execute(status -> {
            jdbc.update("insert ignore into news_store (id, space_id) values (1, null)");
            UUID existing = jdbc.queryForObject("select space_id from news_store where id = 1 for update",
                    UUID.class);
            if (existing != null) {
                return existing;
            }
            SpaceId created = CurrentUser.callAsSystem(() -> {
                Set<String> taken = spaces.mySpaces().stream().map(SpaceSummary::name)
                        .map(n -> n.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
                String name = NAME;
                for (int i = 2; taken.contains(name.toLowerCase(java.util.Locale.ROOT)); i++) {
                    name = NAME + " " + i;
                }
                return spaces.create(name, "Bijlagen en afbeeldingen van nieuwsberichten voor de hele vereniging."
                        + " Tafel beheert deze ruimte; leden zien de bestanden bij het bericht.");
            });
            jdbc.update("update news_store set space_id = ? where id = 1", created.value());
            return created.value();
        });
        return new SpaceId(id);
    }
}
