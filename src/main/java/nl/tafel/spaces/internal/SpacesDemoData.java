package nl.tafel.spaces.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.shared.CurrentUser;
import nl.tafel.spaces.DocumentService;
import nl.tafel.spaces.FolderId;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo association's spaces, filled with the sample papers, stored through the services as the secretary would
 * (so type detection, versions and events all run). Only on an empty set of spaces with the demo people present.
 */
@Component
@ConditionalOnProperty(name = "tafel.demo-data", havingValue = "true")
class SpacesDemoData {

    private static final Logger log = LoggerFactory.getLogger(SpacesDemoData.class);

    private final SpaceRepository spaceRepository;
    private final AccountDirectory accounts;
    private final SpaceService spaces;
    private final DocumentService documents;

    SpacesDemoData(SpaceRepository spaceRepository, AccountDirectory accounts, SpaceService spaces,
            DocumentService documents) {
        this.spaceRepository = spaceRepository;
        this.accounts = accounts;
        this.spaces = spaces;
        this.documents = documents;
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(1)
    void seed() {
        Optional<Account> secretary = accounts.findByEmail("secretaris@demo.example");
        if (secretary.isEmpty() || spaceRepository.count() > 0) {
            return;
        }
        Account s = secretary.get();
        CurrentUser.runAs(s.id(), s.email(), s.displayName(), "SECRETARY", () -> {
            try {
                seedSpaces();
                log.info("Demo spaces seeded with the sample papers");
            } catch (IOException | RuntimeException e) {
                log.warn("Demo spaces could not be seeded", e);
            }
        });
    }

    private void seedSpaces() throws IOException {
        SpaceId bestuur = spaces.create("Bestuur Ondernemend Leiden",
                "Vergaderstukken, notulen en jaarstukken van het algemeen bestuur.");
        member(bestuur, "w.zirkzee@demo.example", SpaceRole.MANAGER);
        member(bestuur, "bestuurslid@demo.example", SpaceRole.CONTRIBUTOR);
        member(bestuur, "m.vanrijn@demo.example", SpaceRole.READER);
        member(bestuur, "b.deroo@demo.example", SpaceRole.READER);
        SpaceDetails space = spaces.get(bestuur);
        FolderId vergaderstukken = documents.createFolder(space.rootFolder(), "Vergaderstukken 2026");
        FolderId januari = documents.createFolder(vergaderstukken, "2026-01 Bestuursvergadering januari");
        upload(januari, "agenda-bestuur-2026-01.pdf", "Agenda bestuursvergadering januari 2026.pdf");
        upload(januari, "agenda-bestuur-2026-01.docx", "Agenda bestuursvergadering januari 2026.docx");
        FolderId notulen = documents.createFolder(space.rootFolder(), "Notulen");
        upload(notulen, "notulen-bestuur-2025-12.pdf", "Notulen bestuursvergadering december 2025.pdf");
        FolderId jaarstukken = documents.createFolder(space.rootFolder(), "Jaarstukken");
        upload(jaarstukken, "jaarverslag-2025.docx", "Jaarverslag 2025 (concept).docx");
        upload(jaarstukken, "jaarverslag-2025.pdf", "Jaarverslag 2025.pdf");
        upload(space.rootFolder(), "actielijst.csv", "Actielijst.csv");

        SpaceId mobiliteit = spaces.create("Werkgroep Mobiliteit",
                "Bereikbaarheid, parkeerbeleid en de jaarbijeenkomst mobiliteit.");
        member(mobiliteit, "lid@demo.example", SpaceRole.MANAGER);
        member(mobiliteit, "bestuurslid@demo.example", SpaceRole.READER);
        member(mobiliteit, "b.deroo@demo.example", SpaceRole.CONTRIBUTOR);
        documents.createFolder(spaces.get(mobiliteit).rootFolder(), "Parkeerbeleid");

        SpaceId ruimte = spaces.create("Kernteam Ruimte voor Werk", "Ruimtelijke ontwikkeling en bedrijventerreinen.");
        member(ruimte, "m.vanrijn@demo.example", SpaceRole.MANAGER);
        member(ruimte, "lid@demo.example", SpaceRole.CONTRIBUTOR);
    }

    private void member(SpaceId space, String email, SpaceRole role) {
        accounts.findByEmail(email).ifPresent(a -> spaces.setMember(space, a.id(), role));
    }

    private void upload(FolderId folder, String resource, String name) throws IOException {
        try (InputStream in = SpacesDemoData.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IOException("Missing demo file " + resource);
            }
            documents.upload(folder, name, in, -1);
        }
    }
}
