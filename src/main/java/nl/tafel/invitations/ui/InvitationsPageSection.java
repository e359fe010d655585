package nl.tafel.invitations.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import nl.tafel.invitations.Answer;
import nl.tafel.invitations.Attendance;
import nl.tafel.invitations.InvitationService;
import nl.tafel.invitations.InvitationUpdates;
import nl.tafel.meetings.MeetingDetails;
import nl.tafel.meetings.MeetingPageSection;
import nl.tafel.meetings.MeetingStatus;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Notifications;

/**
 * On the meeting page: "Kom je?" with the person's answer, and for planners the counts and the way to the
 * attendance list.
 */
@org.springframework.stereotype.Component
class InvitationsPageSection implements MeetingPageSection {

    private final InvitationService invitations;
    private final InvitationUpdates updates;

    InvitationsPageSection(InvitationService invitations, InvitationUpdates updates) {
        this.invitations = invitations;
        this.updates = updates;
    }

    @Override
    public Optional<Component> create(MeetingDetails meeting) {
        if (meeting.status() == MeetingStatus.FINISHED && !meeting.canEdit()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.addClassName("tafel-pack");
        box.addClassName("tafel-invitations");
        box.setId("meeting-invitations");
        fill(box, meeting);
        if (meeting.status() == MeetingStatus.PUBLISHED && box.getChildren().findAny().isPresent()) {
            // the invitations go out just after publication (and after each change): follow them without a reload
            updates.refreshWhileAttached(box, meeting.id(), () -> fill(box, meeting));
        }
        return box.getChildren().findAny().isPresent() ? Optional.of(box) : Optional.empty();
    }

    private void fill(Div box, MeetingDetails meeting) {
        box.removeAll();
        InvitationService.MyInvitation mine = invitations.mine(meeting.id());
        if (meeting.status() == MeetingStatus.PUBLISHED && (mine.canAnswer() || mine.invited())) {
            Span question = new Span(box.getTranslation("invitations.question"));
            question.addClassName("tafel-pack-title");
            box.add(question);
            if (mine.canAnswer()) {
                Div buttons = new Div();
                buttons.addClassName("tafel-actions");
                for (Answer a : List.of(Answer.ACCEPTED, Answer.TENTATIVE, Answer.DECLINED)) {
                    Button b = new Button(box.getTranslation("invitationMail.answer." + a.linkWord()), e -> {
                        try {
                            invitations.answer(meeting.id(), a, invitations.myVersion(meeting.id()));
                            Notifications.success(box.getTranslation("invitations.answered",
                                    box.getTranslation(a.translationKey())));
                            fill(box, meeting);
                        } catch (TafelException ex) {
                            Notifications.error(box.getTranslation(ex.messageKey(), ex.arguments()));
                        }
                    });
                    b.setId("rsvp-" + a.linkWord());
                    if (a == mine.answer()) {
                        b.addThemeVariants(ButtonVariant.PRIMARY);
                        b.setIcon(VaadinIcon.CHECK.create());
                    }
                    buttons.add(b);
                }
                box.add(buttons);
                if (mine.answerBeforeChange()) {
                    Span before = new Span(box.getTranslation("invitations.mine.beforeChange",
                            box.getTranslation(mine.answer().translationKey())));
                    before.setId("rsvp-before-change");
                    box.add(before);
                }
            } else {
                box.add(new Span(box.getTranslation(mine.answer().translationKey())));
            }
        }
        if (meeting.canEdit()) {
            Attendance a = invitations.attendance(meeting.id());
            Span counts = new Span(a.sent()
                    ? box.getTranslation("invitations.counts", a.accepted(), a.tentative(), a.declined(), a.open())
                    : a.status() == MeetingStatus.CONCEPT
                    ? box.getTranslation("invitations.notYetSent", a.invitees().size())
                    : box.getTranslation("invitations.sending"));
            counts.setId("invitation-counts");
            box.add(counts);
            if (a.forecast() != null) {
                Span forecast = new Span(box.getTranslation(a.forecast().translationKey())
                        + (a.answersBeforeChange() == 0 ? "" : " " + box.getTranslation(a.answersBeforeChange() == 1
                        ? "invitations.forecast.beforeChange.one" : "invitations.forecast.beforeChange",
                        a.answersBeforeChange())));
                forecast.addClassName("tafel-badge");
                forecast.addClassName(switch (a.forecast()) {
                    case MET -> "tafel-badge-success";
                    case UNCERTAIN -> "tafel-badge-warning";
                    case NOT_MET -> "tafel-badge-error";
                });
                box.add(forecast);
            }
            Button open = new Button(box.getTranslation("invitations.open"), VaadinIcon.USERS.create(),
                    e -> UI.getCurrent().navigate(AttendanceView.path(meeting.id())));
            open.setId("open-attendance");
            box.add(open);
        }
    }
}
