package nl.tafel.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.tafel.invitations.InvitationService;
import nl.tafel.mail.MailComposer;
import nl.tafel.mail.MailService;
import nl.tafel.mail.OutgoingMail;
import nl.tafel.meetings.AgendaChangeNotice;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.notifications.NotificationKind;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.PublicAddress;
import nl.tafel.shared.i18n.TafelI18NProvider;
import nl.tafel.spaces.SpaceMember;
import nl.tafel.spaces.SpaceNotFoundException;
import nl.tafel.spaces.SpaceService;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Change notices: when a published meeting changed (time, place, items, papers), each invited member gets one mail
 * in their own language with what changed, old → new, and a link to the agenda pack, and a notification under the
 * bell. Changes that came close together arrive as one notice (the meetings module bundles them). Members who made
 * all of the changes themselves are not told; guests without an account get the calendar update only (they cannot
 * open the pack). When nobody was invited (no invitations sent), the space's members are told.
 */
@Component
class ChangeNotices {

    private final InvitationService invitations;
    private final SpaceService spaces;
    private final AccountDirectory accounts;
    private final NotificationStore store;
    private final MailService mail;
    private final MailComposer composer;
    private final TafelI18NProvider i18n;
    private final PublicAddress address;
    private final Clock clock;

    ChangeNotices(InvitationService invitations, SpaceService spaces, AccountDirectory accounts,
            NotificationStore store, MailService mail, MailComposer composer, TafelI18NProvider i18n,
            PublicAddress address, Clock clock) {
        this.invitations = invitations;
        this.spaces = spaces;
        this.accounts = accounts;
        this.store = store;
        this.mail = mail;
        this.composer = composer;
        this.i18n = i18n;
        this.address = address;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AgendaChangeNotice notice) {
        CurrentUser.runAsSystem(() -> tell(notice));
    }

    private void tell(AgendaChangeNotice notice) {
        List<PersonId> to;
        try {
            to = recipients(notice);
        } catch (MeetingNotFoundException | SpaceNotFoundException e) {
            return;
        }
        to = to.stream().filter(p -> !(notice.changedBy().size() == 1 && notice.changedBy().contains(p))).toList();
        Instant now = clock.instant();
        String link = notice.pack() != null ? "documenten/" + notice.pack() : "vergaderingen/" + notice.meetingId();
        store.add(to, NotificationKind.AGENDA_CHANGED, notice.title(), "vergaderingen/" + notice.meetingId(),
                "agenda-change:" + notice.meetingId() + ":" + notice.number(), now, now);
        for (PersonId person : to) {
            accounts.findById(person).filter(Account::canSignIn).ifPresent(account -> mail.queue(
                    compose(account, notice, address.of(link))));
        }
    }

    private List<PersonId> recipients(AgendaChangeNotice notice) {
        List<PersonId> invited = invitations.invitedMembers(notice.meetingId()).stream()
                .map(InvitationService.InvitedMember::personId).toList();
        if (!invited.isEmpty()) {
            return invited;
        }
        return spaces.members(notice.spaceId()).stream().map(SpaceMember::personId).toList();
    }

    OutgoingMail compose(Account to, AgendaChangeNotice notice, String url) {
        Locale locale = to.locale();
        String when = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").format(notice.startsAt()
                .atZone(MeetingService.ZONE));
        String subject = i18n.translate(locale, "changeNotice.subject", notice.title(), when);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(i18n.translate(locale, "changeNotice.intro", notice.title(), when));
        for (AgendaChangeNotice.Change change : notice.changes()) {
            paragraphs.add("• " + i18n.translate(locale, change.messageKey(), change.args()));
        }
        paragraphs.add(i18n.translate(locale, notice.pack() == null ? "changeNotice.noPack" : "changeNotice.pack"));
        OutgoingMail m = composer.compose("agenda-change", to.email(), locale, subject, to.displayName(), paragraphs,
                i18n.translate(locale, notice.pack() == null ? "changeNotice.openMeeting" : "changeNotice.openPack"),
                url);
        return new OutgoingMail(m.to(), m.subject(), m.text(), m.html(), m.kind(), null,
                "agenda-change:" + notice.meetingId() + ":" + notice.number() + ":" + to.id().value());
    }
}
