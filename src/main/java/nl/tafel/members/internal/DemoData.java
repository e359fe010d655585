package nl.tafel.members.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.tafel.members.AppRole;
import nl.tafel.members.GroupKind;
import nl.tafel.members.GroupRole;
import nl.tafel.members.PersonInvited;
import org.springframework.context.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded trial's demo association: Ondernemend Leiden with its board and a working group. Only on an empty
 * database, and only when {@code tafel.demo-data=true} (never in production).
 */
@Component
@ConditionalOnProperty(name = "tafel.demo-data", havingValue = "true")
public class DemoData implements SmartInitializingSingleton {

    public static final String PASSWORD = "Tafel-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final PersonRepository people;
    private final OrganisationRepository organisations;
    private final GroupRepository groups;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoData(PersonRepository people, OrganisationRepository organisations, GroupRepository groups,
            PasswordEncoder passwordEncoder, ApplicationEventPublisher events, PlatformTransactionManager tx,
            Clock clock) {
        this.people = people;
        this.organisations = organisations;
        this.groups = groups;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.transactions = new TransactionTemplate(tx);
        this.clock = clock;
    }

    /** Before the web server starts, so the first visitor already finds the demo association. */
    @Override
    public void afterSingletonsInstantiated() {
        if (people.count() > 0) {
            return;
        }
        transactions.executeWithoutResult(status -> seed());
        log.info("Demo association seeded: sign in as beheerder@demo.example / {}", PASSWORD);
    }

    @Transactional
    public void seed() {
        String hash = passwordEncoder.encode(PASSWORD);
        Map<String, OrganisationEntity> orgs = new HashMap<>();
        org(orgs, "Ondernemend Leiden", "De vereniging van ondernemers en ondernemersverenigingen in Leiden.",
                "https://www.ondernemendleiden.nl");
        org(orgs, "Leidse Binnenstad Ondernemers", "Koepel van de winkeliers en horeca in de binnenstad.", null);
        org(orgs, "Bedrijvenkring Leiden Noord", "Ondernemers op de bedrijventerreinen in Leiden Noord.", null);
        org(orgs, "Leiden Bio Science Park", "Stichting van de bedrijven op het Bio Science Park.", null);

        PersonEntity beheerder = person("beheerder@demo.example", "Bas Beheer", AppRole.ADMINISTRATOR,
                "Ondernemend Leiden", "Beheerder Tafel", "071 512 00 00", orgs, hash);
        PersonEntity secretaris = person("secretaris@demo.example", "Roos Kerkvliet", AppRole.SECRETARY,
                "Ondernemend Leiden", "Secretaris", "06 12 34 56 78", orgs, hash);
        PersonEntity bestuurslid = person("bestuurslid@demo.example", "Jan Walter", AppRole.MEMBER,
                "Leidse Binnenstad Ondernemers", "Penningmeester", "06 23 45 67 89", orgs, hash);
        PersonEntity lid = person("lid@demo.example", "Anouk Boon", AppRole.MEMBER,
                "Bedrijvenkring Leiden Noord", "Manager stadsbreed", null, orgs, hash);
        PersonEntity voorzitter = person("w.zirkzee@demo.example", "Willem-Jan Zirkzee", AppRole.MEMBER,
                "Ondernemend Leiden", "Voorzitter", null, orgs, hash);
        PersonEntity vanRijn = person("m.vanrijn@demo.example", "Marieke van Rijn", AppRole.MEMBER,
                "Leiden Bio Science Park", "Bestuurslid", null, orgs, hash);
        PersonEntity deRoo = person("b.deroo@demo.example", "Bart de Roo", AppRole.MEMBER,
                "Bedrijvenkring Leiden Noord", "Bestuurslid", null, orgs, null);

        GroupEntity bestuur = new GroupEntity("Bestuur Ondernemend Leiden", GroupKind.BOARD,
                "Het algemeen bestuur; vergadert zo'n 25 keer per jaar, fysiek en online.", clock.instant());
        bestuur.addMember(voorzitter, GroupRole.CHAIR);
        bestuur.addMember(secretaris, GroupRole.SECRETARY);
        bestuur.addMember(bestuurslid, GroupRole.TREASURER);
        bestuur.addMember(vanRijn, GroupRole.MEMBER);
        bestuur.addMember(deRoo, GroupRole.MEMBER);
        bestuur.addMember(beheerder, GroupRole.ADVISOR);
        groups.save(bestuur);

        GroupEntity mobiliteit = new GroupEntity("Werkgroep Mobiliteit", GroupKind.WORKING_GROUP,
                "Bereikbaarheid, parkeerbeleid en de jaarbijeenkomst mobiliteit.", clock.instant());
        mobiliteit.addMember(lid, GroupRole.CHAIR);
        mobiliteit.addMember(secretaris, GroupRole.SECRETARY);
        mobiliteit.addMember(bestuurslid, GroupRole.MEMBER);
        mobiliteit.addMember(deRoo, GroupRole.MEMBER);
        groups.save(mobiliteit);

        // One person has not activated yet: their activation mail shows under "Verzonden e-mail".
        events.publishEvent(new PersonInvited(deRoo.personId(), deRoo.getEmail(), deRoo.getFullName(),
                deRoo.getLocale()));

        GroupEntity ruimte = new GroupEntity("Kernteam Ruimte voor Werk", GroupKind.CORE_TEAM,
                "Ruimtelijke ontwikkeling en bedrijventerreinen.", clock.instant());
        ruimte.addMember(vanRijn, GroupRole.CHAIR);
        ruimte.addMember(lid, GroupRole.MEMBER);
        groups.save(ruimte);
    }

    private void org(Map<String, OrganisationEntity> orgs, String name, String description, String website) {
        OrganisationEntity org = new OrganisationEntity(name, clock.instant());
        org.setDescription(description);
        org.setWebsite(website);
        orgs.put(name, organisations.save(org));
    }

    private PersonEntity person(String email, String name, AppRole role, String org, String function, String phone,
            Map<String, OrganisationEntity> orgs, String passwordHash) {
        PersonEntity p = new PersonEntity(email, name, role, Locale.of("nl"), clock.instant());
        p.setOrganisation(orgs.get(org));
        p.setFunction(function);
        p.setPhone(phone);
        if (passwordHash != null) {
            p.setPassword(passwordHash, clock.instant());
        }
        return people.save(p);
    }
}
