package nl.tafel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.tafel.RunAs;
import nl.tafel.TestAccounts;
import nl.tafel.TestConfig;
import nl.tafel.invitations.GuestDraft;
import nl.tafel.invitations.InvitationService;
import nl.tafel.meetings.MeetingDraft;
import nl.tafel.meetings.MeetingForm;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingService;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpaceService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * 500 invitations delivered to GreenMail: the time from publishing until all have arrived (goal: 30 s at most), and
 * that each invitee got exactly one.
 *
 * <p>Run with {@code ./mvnw -Pbenchmark verify}; figures go to {@code target/benchmark-invitations.txt}.
 */
@Tag("benchmark")
@SpringBootTest
@Import(TestConfig.class)
class InvitationsBenchmark {

    private static final int GUESTS = 500;

    @Autowired
    SpaceService spaces;
    @Autowired
    MeetingService meetings;
    @Autowired
    InvitationService invitations;
    @Autowired
    RunAs as;

    @Test
    void fiveHundredInvitations() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(nl.tafel.TestDatabaseEnvironment.SMTP_PORT, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            String title = "Algemene ledenvergadering " + run;
            MeetingId meeting = as.call(TestAccounts.SECRETARY, () -> {
                SpaceId space = spaces.create("Leden " + run, null);
                return meetings.create(space, new MeetingDraft(title, LocalDate.now(MeetingService.ZONE)
                        .plusMonths(1), LocalTime.of(19, 30), LocalTime.of(22, 0), MeetingForm.PHYSICAL,
                        "Stadsgehoorzaal Leiden", null, null, null)).id();
            });
            as.run(TestAccounts.SECRETARY, () -> {
                for (int i = 0; i < GUESTS; i++) {
                    invitations.addGuest(meeting, new GuestDraft("Lid " + i, "lid" + i + "-" + run
                            + "@leden.example", true, i % 5 == 0 ? Locale.ENGLISH : Locale.of("nl")));
                }
            });

            long start = System.nanoTime();
            as.run(TestAccounts.SECRETARY, () -> meetings.publish(meeting));
            int expected = GUESTS + 1; // the secretary, the space's only member, is invited too
            long deadline = System.currentTimeMillis() + 120_000;
            while (count(smtp, title) < expected && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(3000);
            Map<String, Long> perRecipient = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> subject(m).contains(title))
                    .collect(Collectors.groupingBy(InvitationsBenchmark::recipient, Collectors.counting()));
            long twice = perRecipient.values().stream().filter(n -> n > 1).count();
            String report = String.format(Locale.ROOT, """
                    Invitations benchmark (%s)
                    invitations: %d, delivered: %d, recipients with more than one: %d
                    publish -> all delivered: %d ms (goal <= 30000 ms)
                    """, java.time.Instant.now(), expected, perRecipient.size(), twice, millis);
            Files.writeString(Path.of("target/benchmark-invitations.txt"), report);
            System.out.println(report);
            assertThat(perRecipient).hasSize(expected);
            assertThat(twice).isZero();
        } finally {
            smtp.stop();
        }
    }

    private static int count(GreenMail smtp, String title) {
        return (int) Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(title)).count();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
