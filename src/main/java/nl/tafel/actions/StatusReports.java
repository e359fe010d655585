package nl.tafel.actions;

import java.util.List;
import java.util.UUID;
import nl.tafel.actions.internal.StatusRequests;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.Account;
import nl.tafel.members.AccountDirectory;
import nl.tafel.security.SignedLinks;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Status reports through the link in a status-request mail, without signing in. The signed link names one owner and
 * one meeting; the owner reports on their own open actions of that space, with exactly the rights they have when
 * signed in (the work runs as them).
 */
@Service
public class StatusReports {

    /** What the report page shows: whose actions, for which meeting, and the actions themselves. */
    public record Report(String ownerName, java.util.Locale locale, String meetingTitle, List<ActionView> actions) {
    }

    private final SignedLinks links;
    private final JdbcTemplate jdbc;
    private final AccountDirectory accounts;
    private final MeetingService meetings;
    private final ActionService actions;

    StatusReports(SignedLinks links, JdbcTemplate jdbc, AccountDirectory accounts, MeetingService meetings,
            ActionService actions) {
        this.links = links;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.meetings = meetings;
        this.actions = actions;
    }

    private record Link(Account owner, MeetingId meeting) {
    }

    public Report show(String token) {
        Link link = link(token);
        return as(link, () -> {
            MeetingDetails m = meetings.get(link.meeting());
            List<ActionView> open = actions.mine().stream().filter(a -> a.spaceId().equals(m.spaceId())).toList();
            return new Report(link.owner().displayName(), link.owner().locale(), m.title(), open);
        });
    }

    /** Sets the status of one of the owner's actions and, when given, adds a progress note. */
    @org.springframework.transaction.annotation.Transactional
    public void report(String token, ActionId action, ActionStatus status, long version, String note) {
        Link link = link(token);
        as(link, () -> {
            MeetingDetails m = meetings.get(link.meeting());
            ActionView current = actions.get(action);
            if (!current.spaceId().equals(m.spaceId()) || current.owners().stream()
                    .noneMatch(o -> link.owner().id().equals(o.personId()))) {
                throw new TafelException("actionStatus.notYours");
            }
            if (note != null && !note.isBlank()) {
                actions.addNote(action, note);
            }
            if (status != current.status()) {
                actions.setStatus(action, status, version, null);
            }
            return null;
        });
    }

    private Link link(String token) {
        long row = switch (links.check(StatusRequests.PURPOSE, token)) {
            case SignedLinks.Invalid i -> throw new TafelException("actionStatus.invalid");
            case SignedLinks.Expired e -> throw new TafelException("actionStatus.expired");
            case SignedLinks.Valid v -> v.subject();
        };
        record Row(UUID meeting, long person) {
        }
        List<Row> rows = jdbc.query("select meeting_id, person_id from action_status_mail where id = ?",
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getLong(2)), row);
        if (rows.isEmpty()) {
            throw new TafelException("actionStatus.invalid");
        }
        Account owner = accounts.findById(new PersonId(rows.getFirst().person())).filter(Account::canSignIn)
                .orElseThrow(() -> new TafelException("actionStatus.invalid"));
        return new Link(owner, new MeetingId(rows.getFirst().meeting()));
    }

    private static <T> T as(Link link, java.util.function.Supplier<T> work) {
        return CurrentUser.callAs(link.owner().id(), link.owner().email(), link.owner().displayName(),
                link.owner().role().name(), work);
    }
}
