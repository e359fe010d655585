package nl.tafel.invitations.internal;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.jspecify.annotations.Nullable;

/**
 * Writes Tafel's calendars with ical4j: invitations (METHOD:REQUEST), cancellations (METHOD:CANCEL) and the personal
 * feed (METHOD:PUBLISH). Times are local Europe/Amsterdam times with a TZID and a VTIMEZONE of that name.
 */
public final class IcsWriter {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final String PRODID = "-//Ondernemend Leiden//Tafel//NL";

    private IcsWriter() {
    }

    /** One meeting as a calendar event. {@code attendee} is the recipient of an invitation (null in the feed). */
    public record Event(String uid, int sequence, boolean cancelled, String title, Instant startsAt, Instant endsAt,
            @Nullable String location, @Nullable String joinUrl, String pageUrl, String description,
            Person organizer, @Nullable Person attendee, boolean attendeeRequired) {
    }

    public record Person(String name, String email) {
    }

    public static String request(Event event, Instant now) {
        return calendar(ImmutableMethod.REQUEST, List.of(event), now, null);
    }

    public static String cancel(Event event, Instant now) {
        return calendar(ImmutableMethod.CANCEL, List.of(event), now, null);
    }

    /**
     * The organizer's own copy: a calendar that only publishes the event (no ATTENDEE, no RSVP), since a REQUEST in
     * which she is both ORGANIZER and ATTENDEE confuses calendar apps.
     */
    public static String publish(Event event, Instant now) {
        return calendar(ImmutableMethod.PUBLISH, List.of(event), now, null);
    }

    /** A personal feed, with {@code name} as the calendar's name (X-WR-CALNAME) in calendar apps. */
    public static String feed(List<Event> events, Instant now, String name) {
        return calendar(ImmutableMethod.PUBLISH, events, now, name);
    }

    private static String calendar(Method method, List<Event> events, Instant now, @Nullable String name) {
        Calendar calendar = new Calendar().withProdId(PRODID).withDefaults().withProperty(method)
                .withComponent(amsterdam()).getFluentTarget();
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
        }
        boolean invitation = method.getValue().equals(ImmutableMethod.REQUEST.getValue());
        boolean published = method.getValue().equals(ImmutableMethod.PUBLISH.getValue());
        for (Event e : events) {
            calendar.add(event(e, now, invitation, !published));
        }
        return fold(calendar.toString());
    }

    /**
     * Folds every content line at 75 octets, as RFC 5545 section 3.1 requires: a longer line continues on the next
     * line after a CRLF and one space. Folding counts UTF-8 octets and never splits a character (ical4j's
     * FoldingWriter counts characters, so "vóór" or "–" would still push a line past 75 octets).
     */
    static String fold(String ics) {
        StringBuilder out = new StringBuilder(ics.length() + ics.length() / 64 * 3);
        for (String line : ics.replaceAll("\r?\n[ \t]", "").split("\r?\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static VEvent event(Event e, Instant now, boolean invitation, boolean withAttendee) {
        VEvent event = new VEvent(e.startsAt().atZone(ZONE), e.endsAt().atZone(ZONE), e.title());
        event.replace(new DtStamp(now));
        event.add(new Uid(e.uid()));
        event.add(new Sequence(e.sequence()));
        event.add(e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        String where = e.location() != null ? e.location() : e.joinUrl();
        if (where != null) {
            event.add(new Location(where));
        }
        event.add(new Description(e.description()));
        event.add(new Url(URI.create(e.pageUrl())));
        if (e.joinUrl() != null) {
            // RFC 7986's CONFERENCE, and the name Outlook reads for an online meeting's join link
            XProperty conference = new XProperty("CONFERENCE", e.joinUrl());
            conference.add(Value.URI);
            event.add(conference);
            event.add(new XProperty("X-MICROSOFT-SKYPETEAMSMEETINGURL", e.joinUrl()));
        }
        Organizer organizer = new Organizer(URI.create("mailto:" + e.organizer().email()));
        organizer.add(new Cn(e.organizer().name()));
        event.add(organizer);
        if (e.attendee() != null && withAttendee) {
            Attendee attendee = new Attendee(URI.create("mailto:" + e.attendee().email()));
            attendee.add(new Cn(e.attendee().name()));
            attendee.add(e.attendeeRequired() ? Role.REQ_PARTICIPANT : Role.OPT_PARTICIPANT);
            if (invitation) {
                // only an invitation asks for an answer; a cancellation does not
                attendee.add(PartStat.NEEDS_ACTION);
                attendee.add(Rsvp.TRUE);
            }
            event.add(attendee);
        }
        return event;
    }

    /**
     * Europe/Amsterdam as a VTIMEZONE with today's EU rules: summer time from the last Sunday of March at 02:00,
     * winter time from the last Sunday of October at 03:00. (ical4j's own zone data names this zone
     * Europe/Brussels since tzdata merged the two, and carries all its history.)
     */
    static VTimeZone amsterdam() {
        Daylight summer = new Daylight();
        summer.add(new TzName("CEST"));
        summer.add(new TzOffsetFrom(ZoneOffset.ofHours(1)));
        summer.add(new TzOffsetTo(ZoneOffset.ofHours(2)));
        summer.add(new DtStart<>(java.time.LocalDateTime.of(1981, 3, 29, 2, 0)));
        summer.add(new RRule<>("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
        Standard winter = new Standard();
        winter.add(new TzName("CET"));
        winter.add(new TzOffsetFrom(ZoneOffset.ofHours(2)));
        winter.add(new TzOffsetTo(ZoneOffset.ofHours(1)));
        winter.add(new DtStart<>(java.time.LocalDateTime.of(1996, 10, 27, 3, 0)));
        winter.add(new RRule<>("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
        VTimeZone zone = new VTimeZone(new ComponentList<Observance>(List.of(summer, winter)));
        zone.add(new TzId(ZONE.getId()));
        return zone;
    }
}
