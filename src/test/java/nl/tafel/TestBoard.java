package nl.tafel;

import static nl.tafel.TestAccounts.MEMBER;
import static nl.tafel.TestAccounts.READER;
import static nl.tafel.TestAccounts.SECRETARY;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.members.AccountDirectory;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;

/**
 * A fresh board for a test: a space with a unique name that the secretary manages, the member contributes to and
 * the reader reads (the outsider is not in it), and meetings in it.
 */
public class TestBoard {

    private final RunAs as;
    private final SpaceService spaces;
    private final MeetingService meetings;
    private final AccountDirectory accounts;

    TestBoard(RunAs as, SpaceService spaces, MeetingService meetings, AccountDirectory accounts) {
        this.as = as;
        this.spaces = spaces;
        this.meetings = meetings;
        this.accounts = accounts;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public SpaceId space(String name) {
        return as.call(SECRETARY, () -> {
            SpaceId id = spaces.create(name, null);
            spaces.setMember(id, accounts.findByEmail(MEMBER).orElseThrow().id(), SpaceRole.CONTRIBUTOR);
            spaces.setMember(id, accounts.findByEmail(READER).orElseThrow().id(), SpaceRole.READER);
            return id;
        });
    }

    /** A concept meeting, 16:00–18:00 (or from {@code start} for two hours), planned by the secretary. */
    public MeetingId meeting(SpaceId space, String title, LocalDate date, @Nullable LocalTime start,
            @Nullable String minuteTaker) {
        LocalTime from = start == null ? LocalTime.of(16, 0) : start;
        var taker = minuteTaker == null ? null : accounts.findByEmail(minuteTaker).orElseThrow().id();
        return as.call(SECRETARY, () -> meetings.create(space, new MeetingDraft(title, date, from, from.plusHours(2),
                MeetingForm.PHYSICAL, "Stadhuis Leiden", null, null, taker)).id());
    }

    /** A published meeting, that many days ahead, 16:00–18:00. */
    public MeetingId published(SpaceId space, String title, int daysAhead) {
        MeetingId id = meeting(space, title, LocalDate.now(MeetingService.ZONE).plusDays(daysAhead), null, null);
        as.run(SECRETARY, () -> meetings.publish(id));
        return id;
    }
}
