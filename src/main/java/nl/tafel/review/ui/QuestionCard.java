package nl.tafel.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import nl.tafel.review.Question;
import nl.tafel.review.QuestionService;
import nl.tafel.review.QuestionVisibility;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.Notifications;

/** One question: its text, who asked it and for whom, whether it was answered; the buttons the person may use. */
final class QuestionCard {

    private QuestionCard() {
    }

    static Component of(QuestionService questions, Question q, Runnable refresh) {
        Div box = new Div();
        box.addClassName("tafel-question");
        box.setId("question-" + q.id());
        Div meta = new Div();
        meta.addClassName("tafel-note-meta");
        meta.add(new Span(box.getTranslation("review.questions.askedBy", q.askedBy(),
                Formats.dateTime(q.askedAt(), com.vaadin.flow.component.UI.getCurrent().getLocale()))));
        Span who = new Span(box.getTranslation(q.visibility().translationKey()));
        who.addClassNames("tafel-badge", q.visibility() == QuestionVisibility.ALL ? "tafel-badge-contrast"
                : "tafel-badge-muted");
        meta.add(who);
        if (q.answered()) {
            Span answered = new Span(box.getTranslation("review.questions.answered"));
            answered.addClassNames("tafel-badge", "tafel-badge-success", "tafel-question-answered");
            answered.getElement().setAttribute("title", q.answeredBy() + " · "
                    + Formats.dateTime(q.answeredAt(), com.vaadin.flow.component.UI.getCurrent().getLocale()));
            meta.add(answered);
        }
        Paragraph text = new Paragraph(q.text());
        text.addClassName("tafel-note-text");
        box.add(meta, text);
        Div buttons = new Div();
        buttons.addClassName("tafel-note-actions");
        if (q.canMarkAnswered()) {
            Button mark = new Button(box.getTranslation(q.answered() ? "review.questions.reopen"
                    : "review.questions.markAnswered"), VaadinIcon.CHECK.create(),
                    e -> act(box, () -> questions.markAnswered(q.id(), !q.answered(), q.version()), refresh));
            mark.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            mark.addClassName("question-mark-answered");
            buttons.add(mark);
        }
        if (q.mine() && !q.answered()) {
            Button withdraw = new Button(box.getTranslation("review.questions.withdraw"), VaadinIcon.TRASH.create(),
                    e -> act(box, () -> questions.withdraw(q.id(), q.version()), refresh));
            withdraw.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            withdraw.addClassName("question-withdraw");
            buttons.add(withdraw);
        }
        if (buttons.getChildren().findAny().isPresent()) {
            box.add(buttons);
        }
        return box;
    }

    private static void act(Component context, Runnable action, Runnable refresh) {
        try {
            action.run();
        } catch (ConcurrentEditException e) {
            Notifications.error(context.getTranslation("review.error.questionChanged"));
        } catch (TafelException e) {
            Notifications.error(context.getTranslation(e.messageKey(), e.arguments()));
        }
        refresh.run();
    }
}
