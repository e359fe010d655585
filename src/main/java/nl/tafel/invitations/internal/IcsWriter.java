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
        return calendar(ImmutableMethod.REQUEST, List.of(event), now);
    }

    public static String cancel(Event event, Instant now) {
        return calendar(ImmutableMethod.CANCEL, List.of(event), now);
    }

    public static String feed(List<Event> events, Instant now) {
        return calendar(ImmutableMethod.PUBLISH, events, now);
    }

    private static String calendar(Method method, List<Event> events, Instant now) {
        Calendar calendar = new Calendar().withProdId(PRODID).withDefaults().withProperty(method)
                .withComponent(amsterdam()).getFluentTarget();
        for (Event e : events) {
            calendar.add(event(e, now));
        }
        return calendar.toString();
    }

    private static VEvent event(Event e, Instant now) {
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
            event.add(new XProperty("CONFERENCE", e.joinUrl()));
            event.add(new XProperty("X-MICROSOFT-SKYPETEAMSMEETINGURL", e.joinUrl()));
        }
        Organizer organizer = new Organizer(URI.create("mailto:" + e.organizer().email()));
        organizer.add(new Cn(e.organizer().name()));
        event.add(organizer);
        if (e.attendee() != null) {
            Attendee attendee = new Attendee(URI.create("mailto:" + e.attendee().email()));
            attendee.add(new Cn(e.attendee().name()));
            attendee.add(e.attendeeRequired() ? Role.REQ_PARTICIPANT : Role.OPT_PARTICIPANT);
            attendee.add(PartStat.NEEDS_ACTION);
            attendee.add(Rsvp.TRUE);
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
