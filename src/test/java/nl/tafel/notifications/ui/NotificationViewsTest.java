package nl.tafel.notifications.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import java.time.Instant;
import java.util.List;
import nl.tafel.TafelTest;
import nl.tafel.TestAccounts;
import nl.tafel.TestBoard;
import nl.tafel.members.AccountDirectory;
import nl.tafel.notifications.Delivery;
import nl.tafel.notifications.NotificationKind;
import nl.tafel.notifications.internal.NotificationStore;
import nl.tafel.shared.PersonId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The bell in the top bar and the notifications page with the mail preferences, in the browserless runtime. */
@TafelTest
class NotificationViewsTest extends SpringBrowserlessTest {

    @Autowired
    NotificationStore store;
    @Autowired
    AccountDirectory accounts;
    @Autowired
    JdbcTemplate jdbc;

    String run = TestBoard.unique("Bel");

    @AfterEach
    void forgetChoices() {
        jdbc.update("delete from notification_preference where person_id = ?", me(TestAccounts.READER).value());
    }

    private PersonId me(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    private int unreadInDatabase(String email) {
        return jdbc.queryForObject("select count(*) from notification where person_id = ? and read_at is null"
                + " and visible_from <= ?", Integer.class, me(email).value(), java.sql.Timestamp.from(Instant.now()));
    }

    private String bellCount() {
        // the count is hidden (and so not found by find()) when there is nothing unread
        Span count = (Span) find(Button.class).id("notification-bell").getSuffixComponent();
        assertThat(count.getId()).hasValue("notification-count");
        return count.isVisible() ? count.getText() : "";
    }

    @Test
    @WithUserDetails(TestAccounts.MEMBER)
    void theBellCountsMyUnreadAndOpensThemAndReadingLowersTheCount() {
        String action = "A-2026-999 Offerte opvragen " + run;
        String other = "Alleen voor de lezer " + run;
        store.add(List.of(me(TestAccounts.MEMBER)), NotificationKind.ACTION_ASSIGNED, action, "acties",
                "test:" + run, Instant.now().minusSeconds(5), Instant.now());
        store.add(List.of(me(TestAccounts.READER)), NotificationKind.NEWS_POSTED, other, "nieuws",
                "test-other:" + run, Instant.now().minusSeconds(5), Instant.now());
        navigate(NotificationsView.class);
        int unread = unreadInDatabase(TestAccounts.MEMBER);
        assertThat(unread).isPositive();
        assertThat(bellCount()).isEqualTo(unread > 99 ? "99+" : String.valueOf(unread));
        assertThat(find(Button.class).id("notification-bell").getAriaLabel())
                .hasValue("Meldingen: " + unread + " ongelezen");

        test(find(Button.class).id("notification-bell")).click();
        assertThat(getCurrentView()).isInstanceOf(NotificationsView.class);
        List<String> items = find(Button.class).all().stream().map(Button::getText).toList();
        assertThat(items).contains("Actie voor jou: " + action);
        assertThat(items).as("someone else's notification").doesNotContain("Nieuw bericht: " + other);

        Button item = find(Button.class).withText("Actie voor jou: " + action).single();
        test(item).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("ActionsView");
        assertThat(unreadInDatabase(TestAccounts.MEMBER)).isEqualTo(unread - 1);
        int left = unread - 1;
        assertThat(bellCount()).isEqualTo(left == 0 ? "" : left > 99 ? "99+" : String.valueOf(left));

        navigate(NotificationsView.class);
        test(find(Button.class).id("notifications-mark-all")).click();
        assertThat(bellCount()).isEmpty();
        assertThat(find(Button.class).id("notification-bell").getAriaLabel()).hasValue("Meldingen: niets nieuws");
        assertThat(unreadInDatabase(TestAccounts.MEMBER)).isZero();
        assertThat(unreadInDatabase(TestAccounts.READER)).as("the reader's stay unread").isPositive();
    }

    @Test
    @WithUserDetails(TestAccounts.READER)
    @SuppressWarnings("unchecked")
    void thePreferencesShowTheDefaultsAndSaveAChoicePerKind() {
        navigate(NotificationsView.class);
        Select<Delivery> news = find(Select.class).id("notifications-pref-news-posted");
        Select<Delivery> actions = find(Select.class).id("notifications-pref-action-assigned");
        Select<Delivery> invitations = find(Select.class).id("notifications-pref-invitation");
        assertThat(news.getLabel()).isEqualTo("Nieuwe berichten");
        assertThat(news.getValue()).isEqualTo(Delivery.WEEKLY);
        assertThat(news.getItemLabelGenerator().apply(news.getValue())).isEqualTo("Wekelijks overzicht");
        assertThat(actions.getValue()).isEqualTo(Delivery.IMMEDIATE);
        assertThat(invitations.getValue()).isEqualTo(Delivery.IMMEDIATE);

        news.setValue(Delivery.DAILY);
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Je keuze is opgeslagen.");
        assertThat(jdbc.queryForObject("select delivery from notification_preference where person_id = ? and kind = ?",
                String.class, me(TestAccounts.READER).value(), NotificationKind.NEWS_POSTED.name()))
                .isEqualTo("DAILY");

        navigate(NotificationsView.class);
        assertThat(((Select<Delivery>) find(Select.class).id("notifications-pref-news-posted")).getValue())
                .isEqualTo(Delivery.DAILY);
        assertThat(((Select<Delivery>) find(Select.class).id("notifications-pref-document-stored")).getValue())
                .isEqualTo(Delivery.WEEKLY);
    }
}
