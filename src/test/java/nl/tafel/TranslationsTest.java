package nl.tafel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.tafel.mail.MailStatus;
import nl.tafel.members.AppRole;
import nl.tafel.members.GroupKind;
import nl.tafel.members.GroupRole;
import nl.tafel.members.PersonStatus;
import nl.tafel.spaces.SpaceRole;
import nl.tafel.spaces.TextStatus;
import org.junit.jupiter.api.Test;

/** Every text a person sees exists in Dutch and in English. */
class TranslationsTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_]+)+)\"");

    private final Properties dutch = load("nl");
    private final Properties english = load("en");

    @Test
    void dutchAndEnglishHaveTheSameKeys() {
        assertThat(new TreeSet<>(english.stringPropertyNames()))
                .as("keys in Dutch and English")
                .isEqualTo(new TreeSet<>(dutch.stringPropertyNames()));
    }

    @Test
    void noTranslationIsEmpty() {
        dutch.forEach((k, v) -> assertThat(v.toString()).as("nl: " + k).isNotBlank());
        english.forEach((k, v) -> assertThat(v.toString()).as("en: " + k).isNotBlank());
    }

    @Test
    void everyKeyTheCodeUsesIsTranslated() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    if (looksLikeTranslationKey(key)) {
                        used.add(key);
                    }
                }
            }
        }
        for (AppRole r : AppRole.values()) {
            used.add(r.translationKey());
        }
        for (nl.tafel.members.Visibility v : nl.tafel.members.Visibility.values()) {
            used.add(v.translationKey());
        }
        for (PersonStatus s : PersonStatus.values()) {
            used.add(s.translationKey());
        }
        for (GroupKind k : GroupKind.values()) {
            used.add(k.translationKey());
        }
        for (GroupRole r : GroupRole.values()) {
            used.add(r.translationKey());
        }
        for (MailStatus s : MailStatus.values()) {
            used.add(s.translationKey());
        }
        for (SpaceRole r : SpaceRole.values()) {
            used.add(r.translationKey());
            used.add("spaces.error.role." + r.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (TextStatus s : TextStatus.values()) {
            used.add(s.translationKey());
        }
        for (nl.tafel.meetings.MeetingStatus s : nl.tafel.meetings.MeetingStatus.values()) {
            used.add(s.translationKey());
        }
        for (nl.tafel.meetings.MeetingForm f : nl.tafel.meetings.MeetingForm.values()) {
            used.add(f.translationKey());
        }
        for (nl.tafel.meetings.ItemPurpose p : nl.tafel.meetings.ItemPurpose.values()) {
            used.add(p.translationKey());
        }
        for (nl.tafel.meetings.AgendaPackService.State s : nl.tafel.meetings.AgendaPackService.State.values()) {
            used.add(s.translationKey());
        }
        for (nl.tafel.invitations.Answer a : nl.tafel.invitations.Answer.values()) {
            used.add(a.translationKey());
            used.add("invitationMail.answer." + (a.linkWord().isEmpty() ? "ja" : a.linkWord()));
        }
        for (nl.tafel.invitations.AnsweredVia v : nl.tafel.invitations.AnsweredVia.values()) {
            used.add(v.translationKey());
        }
        for (nl.tafel.invitations.QuorumForecast f : nl.tafel.invitations.QuorumForecast.values()) {
            used.add(f.translationKey());
        }
        for (var kind : nl.tafel.invitations.internal.InvitationMails.Kind.values()) {
            String k = kind.name().toLowerCase(java.util.Locale.ROOT);
            used.add("invitationMail." + k + ".subject");
            used.add("invitationMail." + k + ".intro");
        }
        for (nl.tafel.minutes.MinutesStatus m : nl.tafel.minutes.MinutesStatus.values()) {
            used.add(m.translationKey());
        }
        for (nl.tafel.minutes.Presence p : nl.tafel.minutes.Presence.values()) {
            used.add(p.translationKey());
        }
        for (nl.tafel.actions.ActionStatus a : nl.tafel.actions.ActionStatus.values()) {
            used.add(a.translationKey());
        }
        for (nl.tafel.sharepoint.SyncStatus.State s : nl.tafel.sharepoint.SyncStatus.State.values()) {
            used.add("sharepoint.state." + camel(s.name()));
        }
        for (nl.tafel.sharepoint.ConnectionCheck c : nl.tafel.sharepoint.ConnectionCheck.values()) {
            used.add("sharepoint.check." + camel(c.name()));
        }
        for (nl.tafel.sharepoint.SyncConflict.Side side : nl.tafel.sharepoint.SyncConflict.Side.values()) {
            used.add("sharepoint.kept." + camel(side.name()));
        }
        for (nl.tafel.news.ReactionKind r : nl.tafel.news.ReactionKind.values()) {
            used.add(r.translationKey());
        }
        for (nl.tafel.news.SignupStatus s : nl.tafel.news.SignupStatus.values()) {
            used.add(s.translationKey());
        }
        for (nl.tafel.review.ReadingState r : nl.tafel.review.ReadingState.values()) {
            used.add(r.translationKey());
        }
        for (nl.tafel.review.QuestionVisibility v : nl.tafel.review.QuestionVisibility.values()) {
            used.add(v.translationKey());
        }
        for (nl.tafel.notifications.NotificationKind k : nl.tafel.notifications.NotificationKind.values()) {
            used.add(k.translationKey());
            used.add(k.itemKey());
        }
        for (nl.tafel.notifications.Delivery d : nl.tafel.notifications.Delivery.values()) {
            used.add(d.translationKey());
            if (d == nl.tafel.notifications.Delivery.DAILY || d == nl.tafel.notifications.Delivery.WEEKLY) {
                String which = d.name().toLowerCase(java.util.Locale.ROOT);
                used.add("notifications.digest.subject." + which);
                used.add("notifications.digest.intro." + which);
            }
        }
        assertThat(used).as("keys used in code").hasSizeGreaterThan(100);
        assertThat(dutch.stringPropertyNames()).as("Dutch").containsAll(used);
        assertThat(english.stringPropertyNames()).as("English").containsAll(used);
    }

    /** How the SharePoint UI names an enum constant's key: NOT_CONFIGURED -> notConfigured. */
    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Strings in code that are not translation keys but look alike (packages, properties, file names). */
    private static boolean looksLikeTranslationKey(String s) {
        return !(s.startsWith("nl.") || s.startsWith("tafel.") || s.startsWith("spring.") || s.startsWith("vaadin.")
                || s.startsWith("org.") || s.startsWith("com.") || s.startsWith("jakarta.")
                || s.startsWith("java.") || s.startsWith("mail.smtp") || s.startsWith("db.")
                || s.startsWith("styles.") || s.matches(".*\\.(css|js|html|sock|sql|properties|png|jar|csv|ini|pdf|txt|docx)")
                || s.startsWith("opendocument.")
                || s.startsWith("user.") || s.startsWith("tafel-") || s.contains("example"));
    }

    private static Properties load(String language) {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream(
                "/vaadin-i18n/translations_" + language + ".properties")) {
            assertThat(in).as("translations_" + language).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }
}
