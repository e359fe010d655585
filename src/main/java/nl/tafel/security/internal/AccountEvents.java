package nl.tafel.security.internal;

import nl.tafel.members.PasswordChosen;
import nl.tafel.members.PersonAccessChanged;
import nl.tafel.members.PersonDeactivated;
import nl.tafel.members.PersonInvited;
import nl.tafel.security.SignInLinks;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Reacts to the members module: activation links for new people, and the end of access for deactivated ones. */
@Component
class AccountEvents {

    private final SignInLinks links;
    private final ActiveSessions sessions;

    AccountEvents(SignInLinks links, ActiveSessions sessions) {
        this.links = links;
        this.sessions = sessions;
    }

    /** Durable: recorded with the person's creation, retried after a crash until the mail is in the outbox. */
    @ApplicationModuleListener
    void on(PersonInvited invited) {
        links.sendActivation(invited.email());
    }

    /** Right after the commit: every open session of the person ends and their e-mailed links stop working. */
    @TransactionalEventListener
    void on(PersonDeactivated deactivated) {
        sessions.endAllOf(deactivated.personId());
        links.revokeLinks(deactivated.email());
    }

    /** A new role or address: sessions that carry the old ones end, links to the old address stop working. */
    @TransactionalEventListener
    void on(PersonAccessChanged changed) {
        sessions.endAllOf(changed.personId());
        links.revokeLinks(changed.previousEmail());
    }

    /** Once a password is chosen, an activation or reset link still in a mailbox is of no use: revoke it. */
    @TransactionalEventListener
    void on(PasswordChosen chosen) {
        links.revokeLinks(chosen.email());
    }
}
