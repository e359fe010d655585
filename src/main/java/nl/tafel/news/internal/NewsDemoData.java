package nl.tafel.news.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.news.EventDraft;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostDraft;
import nl.tafel.shared.CurrentUser;
import nl.tafel.spaces.SpaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two demo posts for the trial: an association-wide announcement (pinned) and the yearly mobility meeting as an event
 * with sign-up in the mobility working group's space. Only on an empty news table, after the demo spaces exist.
 */
@Component
@ConditionalOnProperty(name = "tafel.demo-data", havingValue = "true")
class NewsDemoData {

    private static final Logger log = LoggerFactory.getLogger(NewsDemoData.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final AccountDirectory accounts;
    private final SpaceService spaces;
    private final NewsService news;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    NewsDemoData(AccountDirectory accounts, SpaceService spaces, NewsService news, JdbcTemplate jdbc, Clock clock) {
        this.accounts = accounts;
        this.spaces = spaces;
        this.news = news;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    void seed() {
        Optional<Account> secretary = accounts.findByEmail("secretaris@demo.example");
        Integer existing = jdbc.queryForObject("select count(*) from news_post", Integer.class);
        if (secretary.isEmpty() || existing == null || existing > 0) {
            return;
        }
        Account s = secretary.get();
        CurrentUser.runAs(s.id(), s.email(), s.displayName(), "SECRETARY", () -> {
            try {
                news.create(new PostDraft(null, "Tafel vervangt Chainels",
                        """
                        Vanaf december delen we vergaderstukken, notulen, acties en nieuws in **Tafel**.

                        - Je vergaderstukken lees en bereid je voor onder *Vergaderingen*.
                        - Nieuws en evenementen vind je hier op je overzicht.
                        - De documenten van het bestuur staan ook in SharePoint.

                        Vragen? Mail het secretariaat.""", null, true, null));
                spaces.mySpaces().stream().filter(x -> x.name().equals("Werkgroep Mobiliteit")).findFirst()
                        .ifPresent(space -> {
                            LocalDate day = LocalDate.now(clock.withZone(ZONE)).plusWeeks(6);
                            news.create(new PostDraft(space.id(), "Jaarbijeenkomst mobiliteit",
                                    "Onze jaarlijkse bijeenkomst over bereikbaarheid en parkeerbeleid in de"
                                            + " binnenstad. Neem gerust een collega-ondernemer mee.",
                                    null, false, new EventDraft(day.atTime(LocalTime.of(19, 30)).atZone(ZONE)
                                            .toInstant(), day.atTime(LocalTime.of(22, 0)).atZone(ZONE).toInstant(),
                                            "Stadsgehoorzaal Leiden, Breestraat 60",
                                            """
                                            - 19.30 ontvangst
                                            - 20.00 evaluatie parkeerbeleid zone B
                                            - 21.00 plannen 2027 en borrel""", 60, 2)));
                        });
            } catch (RuntimeException e) {
                log.warn("Demo news could not be seeded", e);
            }
        });
    }
}
