package nl.tafel.invitations.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Optional;
import nl.tafel.invitations.Answer;
import nl.tafel.invitations.RsvpResult;
import nl.tafel.invitations.RsvpService;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;

/**
 * Where the answer buttons of an invitation mail land, without signing in. The answer is recorded when the page
 * runs in a browser (Vaadin's page is built by its script), not by a plain fetch of the address, so mail scanners
 * that only fetch links do not answer for the invitee. The page shows the meeting and lets them change the answer.
 */
@Route(value = "antwoord", autoLayout = false)
@AnonymousAllowed
class RsvpView extends nl.tafel.shared.ui.LinkPage implements BeforeEnterObserver, HasDynamicTitle {

    private final RsvpService rsvp;
    private String token = "";

    RsvpView(RsvpService rsvp) {
        super("rsvp-card", "tafel-narrow");
        this.rsvp = rsvp;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        token = params.getOrDefault("t", List.of("")).getFirst();
        Optional<Answer> answer = Answer.fromLink(params.getOrDefault("a", List.of("")).getFirst());
        try {
            RsvpResult shown = rsvp.show(token);
            UI.getCurrent().setLocale(shown.locale());
            if (answer.isPresent() && answer.get() != shown.answer()) {
                shown = rsvp.answer(token, answer.get());
                show(shown, true);
            } else {
                show(shown, answer.isPresent());
            }
        } catch (TafelException e) {
            refused(e.messageKey());
        }
    }

    private void show(RsvpResult r, boolean justAnswered) {
        card.removeAll();
        card.add(new H1(r.title()));
        Paragraph when = new Paragraph(Formats.dateTime(r.startsAt(), getLocale())
                + (r.location() == null ? "" : " · " + r.location()));
        when.addClassName("tafel-muted");
        card.add(when);
        if (r.status() == MeetingStatus.CANCELLED) {
            card.add(message(getTranslation("rsvp.cancelled"), "tafel-badge-error"));
            return;
        }
        if (r.answer() != Answer.NEEDS_ACTION) {
            Paragraph recorded = new Paragraph(getTranslation(justAnswered ? "rsvp.recorded" : "rsvp.current",
                    r.inviteeName(), getTranslation(r.answer().translationKey())));
            recorded.setId("rsvp-recorded");
            card.add(recorded);
            if (r.answerBeforeChange()) {
                Paragraph before = new Paragraph(getTranslation("invitations.mine.beforeChange",
                        getTranslation(r.answer().translationKey())));
                before.setId("rsvp-before-change");
                card.add(before);
            }
        }
        if (r.status() != MeetingStatus.PUBLISHED) {
            card.add(message(getTranslation(r.status() == MeetingStatus.FINISHED ? "rsvp.finished" : "rsvp.over"),
                    "tafel-badge-muted"));
            return;
        }
        Paragraph question = new Paragraph(getTranslation(r.answer() == Answer.NEEDS_ACTION ? "invitations.question"
                : "rsvp.change"));
        card.add(question);
        Div buttons = new Div();
        buttons.addClassName("tafel-actions");
        for (Answer a : List.of(Answer.ACCEPTED, Answer.TENTATIVE, Answer.DECLINED)) {
            Button b = new Button(getTranslation("invitationMail.answer." + a.linkWord()), e -> {
                try {
                    show(rsvp.answer(token, a), true);
                } catch (TafelException ex) {
                    refused(ex.messageKey());
                }
            });
            b.setId("rsvp-" + a.linkWord());
            if (a == r.answer()) {
                b.addThemeVariants(ButtonVariant.PRIMARY);
                b.setIcon(VaadinIcon.CHECK.create());
            }
            buttons.add(b);
        }
        card.add(buttons);
        card.add(new Anchor("vergaderingen/" + r.meetingId(), getTranslation("rsvp.openInTafel")));
    }

    private void refused(String key) {
        refused("rsvp.title", key);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rsvp.title") + " · " + getTranslation("app.name");
    }
}
