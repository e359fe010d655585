package nl.tafel.meetings.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.AgendaItemView;
import nl.tafel.meetings.AgendaService;
import nl.tafel.meetings.ItemDraft;
import nl.tafel.meetings.ItemPurpose;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.spaces.DocumentChoice;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo board's next meeting, built like the sample agenda (``agenda-bestuur-2026-01``) with its papers, and
 * published; plus a concept for the month after. Only when the demo spaces exist and there are no meetings yet.
 */
@Component
@ConditionalOnProperty(name = "tafel.demo-data", havingValue = "true")
class MeetingsDemoData {

    private static final Logger log = LoggerFactory.getLogger(MeetingsDemoData.class);

    private final AccountDirectory accounts;
    private final SpaceService spaces;
    private final DocumentService documents;
    private final MeetingService meetings;
    private final AgendaService agenda;
    private final JdbcTemplate jdbc;

    MeetingsDemoData(AccountDirectory accounts, SpaceService spaces, DocumentService documents,
            MeetingService meetings, AgendaService agenda, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.spaces = spaces;
        this.documents = documents;
        this.meetings = meetings;
        this.agenda = agenda;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void seed() {
        Optional<Account> secretary = accounts.findByEmail("secretaris@demo.example");
        Integer existing = jdbc.queryForObject("select count(*) from meeting", Integer.class);
        if (secretary.isEmpty() || existing == null || existing > 0) {
            return;
        }
        Account s = secretary.get();
        CurrentUser.runAs(s.id(), s.email(), s.displayName(), "SECRETARY", () -> {
            try {
                spaces.mySpaces().stream().filter(x -> x.name().equals("Bestuur Ondernemend Leiden")).findFirst()
                        .ifPresent(this::seed);
            } catch (RuntimeException e) {
                log.warn("Demo meetings could not be seeded", e);
            }
        });
    }

    private void seed(SpaceSummary space) {
        LocalDate next = LocalDate.now(MeetingService.ZONE).plusMonths(1).withDayOfMonth(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).plusWeeks(1);
        PersonId chair = accounts.findByEmail("w.zirkzee@demo.example").map(Account::id).orElse(null);
        PersonId secretary = accounts.findByEmail("secretaris@demo.example").map(Account::id).orElse(null);
        MeetingId id = meetings.create(space.id(), new MeetingDraft("Bestuursvergadering", next, LocalTime.of(16, 0),
                LocalTime.of(18, 0), MeetingForm.HYBRID, "Stadhuis Leiden, Commissiekamer 2",
                "https://teams.microsoft.com/l/meetup-join/ondernemend-leiden-bestuur", chair, secretary)).id();
        List<AgendaItemView> items = agenda.agenda(id);
        attach(id, items.get(0).id(), "Agenda bestuursvergadering januari 2026.pdf");
        attach(id, items.get(1).id(), "Notulen bestuursvergadering december 2025.pdf");
        attach(id, items.get(2).id(), "Actielijst.csv");
        AgendaItemId speerpunten = add(id, null, new ItemDraft("Speerpuntenplan 2026-2027", ItemPurpose.DECISION,
                "Willem-Jan Zirkzee", 30, "Vaststellen van de speerpunten voor de komende twee jaar."));
        add(id, speerpunten, new ItemDraft("Ruimtelijke ontwikkeling: Kernteam Ruimte voor Werk",
                ItemPurpose.DISCUSSION, "Marieke van Rijn", 10, null));
        add(id, speerpunten, new ItemDraft("Mobiliteit: evaluatie parkeerbeleid zone B", ItemPurpose.DISCUSSION,
                "Anouk Boon", 10, null));
        add(id, null, new ItemDraft("Overgang Chainels naar SharePoint", ItemPurpose.DECISION, "Roos Kerkvliet", 20,
                null));
        add(id, null, new ItemDraft("Gemeenteraadsverkiezingen 2026: verkiezingsdebat en manifest",
                ItemPurpose.DISCUSSION, null, 20, null));
        AgendaItemId financien = add(id, null, new ItemDraft("Financiën: begroting 2026", ItemPurpose.DECISION,
                "Jan Walter", 15, null));
        attach(id, financien, "Jaarverslag 2025.pdf");
        meetings.publish(id);
        meetings.create(space.id(), new MeetingDraft("Bestuursvergadering", next.plusMonths(1), LocalTime.of(16, 0),
                LocalTime.of(18, 0), MeetingForm.ONLINE, null, null, chair, secretary));
        log.info("Demo meetings seeded");
    }

    private AgendaItemId add(MeetingId id, AgendaItemId parent, ItemDraft draft) {
        return agenda.addItem(id, parent, draft, meetings.get(id).agendaVersion());
    }

    private void attach(MeetingId id, AgendaItemId item, String name) {
        List<DocumentChoice> found = documents.findDocuments(meetings.get(id).spaceId(), name, 1);
        if (!found.isEmpty()) {
            agenda.attach(item, found.getFirst().id(), meetings.get(id).agendaVersion());
        }
    }
}
