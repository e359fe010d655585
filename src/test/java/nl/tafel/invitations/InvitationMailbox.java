package nl.tafel.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import nl.tafel.TestMailbox;

/** Reads invitation mails as a mail client would: the MIME parts, the calendar (with ical4j), the answer links. */
final class InvitationMailbox {

    private InvitationMailbox() {
    }

    static List<MimeMessage> mails(GreenMail smtp, String to, String subjectPart) {
        return TestMailbox.mailsTo(smtp, to).stream().filter(m -> subject(m).contains(subjectPart)).toList();
    }

    /** Waits until exactly {@code count} mails to the address have the given text in their subject. */
    static List<MimeMessage> await(GreenMail smtp, String to, String subjectPart, int count)
            throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (mails(smtp, to, subjectPart).size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        List<MimeMessage> found = mails(smtp, to, subjectPart);
        assertThat(found).as("mails to %s about %s", to, subjectPart).hasSize(count);
        return found;
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static BodyPart part(MimeMessage m, String type) throws MessagingException, IOException {
        BodyPart found = find((MimeMultipart) m.getContent(), type);
        if (found == null) {
            throw new AssertionError("no " + type + " part");
        }
        return found;
    }

    private static BodyPart find(MimeMultipart parts, String type) throws MessagingException, IOException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith(type)) {
                return part;
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                BodyPart inner = find(nested, type);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    static String text(BodyPart part) throws MessagingException, IOException {
        try (var in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The mail's calendar part, checked for RFC 5545 folding (see {@link #parse}). */
    static Calendar calendar(MimeMessage m) throws MessagingException, IOException, ParserException {
        return parse(text(part(m, "text/calendar")));
    }

    /** Parses a calendar (a mail's part or a feed) after checking that it is folded as RFC 5545 requires. */
    static Calendar parse(String ics) throws IOException, ParserException {
        assertFolded(ics);
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /** Every content line ends in CRLF and is at most 75 octets long (RFC 5545 section 3.1), CRLF not counted. */
    static void assertFolded(String ics) {
        assertThat(ics).as("a calendar ends its last line with CRLF").endsWith("\r\n");
        String[] lines = ics.split("\r\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            assertThat(line).as("line %d has no bare line break", i + 1).doesNotContain("\n").doesNotContain("\r");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                    .as("line %d is at most 75 octets: %s", i + 1, line).isLessThanOrEqualTo(75);
        }
    }

    static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    static String property(VEvent event, String name) {
        return event.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    /** The RSVP token in the mail's "komt" link. */
    static String token(MimeMessage m) throws MessagingException, IOException {
        Matcher link = Pattern.compile("/antwoord\\?t=([A-Za-z0-9_.-]+)&a=ja").matcher(text(part(m, "text/plain")));
        assertThat(link.find()).as("an answer link in the mail").isTrue();
        return link.group(1);
    }
}
