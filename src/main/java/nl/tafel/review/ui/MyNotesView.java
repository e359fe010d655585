package nl.tafel.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import nl.tafel.review.MyNote;
import nl.tafel.review.NoteService;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;

/**
 * "Mijn notities": every note of the person, newest first, with its document; notes whose document was deleted are
 * kept and shown here with a message.
 */
@Route("mijn-notities")
@Menu(order = 25, title = "review.nav.myNotes", icon = "vaadin:notebook")
@PermitAll
@StyleSheet("styles/review.css")
class MyNotesView extends VerticalLayout implements HasDynamicTitle, MainLayout.HasViewTitle {

    private final NoteService notes;
    private final Div list = new Div();

    MyNotesView(NoteService notes) {
        this.notes = notes;
        addClassName("tafel-view");
        setPadding(false);
        add(new ViewHeader(getTranslation("review.myNotes"), getTranslation("review.myNotes.description")));
        list.setId("my-notes");
        list.addClassName("tafel-my-notes");
        add(list);
        fill();
    }

    private void fill() {
        list.removeAll();
        List<MyNote> mine = notes.mine();
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.myNotes.none"));
            none.addClassName("tafel-muted");
            list.add(none);
        }
        for (MyNote n : mine) {
            Div box = new Div();
            box.addClassName("tafel-note");
            box.setId("my-note-" + n.id());
            Div meta = new Div();
            meta.addClassName("tafel-note-meta");
            if (n.documentGone()) {
                meta.add(new Span(n.documentName()));
                Span gone = new Span(getTranslation("review.notes.documentGone"));
                gone.addClassNames("tafel-badge", "tafel-badge-error", "tafel-note-gone");
                meta.add(gone);
            } else {
                Anchor document = new Anchor("documenten/" + n.documentId(), n.documentName());
                meta.add(document);
            }
            if (!n.spaceName().isEmpty()) {
                meta.add(new Span(n.spaceName()));
            }
            meta.add(new Span(n.page() == null ? getTranslation("review.notes.wholeDocument")
                    : getTranslation("review.notes.page", n.page())));
            meta.add(new Span(Formats.dateTime(n.updatedAt(), getLocale())));
            if (n.shared()) {
                Span shared = new Span(getTranslation("review.notes.sharedBadge"));
                shared.addClassNames("tafel-badge", "tafel-badge-contrast");
                meta.add(shared);
            }
            if (n.earlierVersion()) {
                Span earlier = new Span(getTranslation("review.notes.earlierVersion", n.versionNumber()));
                earlier.addClassNames("tafel-badge", "tafel-badge-warning", "tafel-note-earlier");
                meta.add(earlier);
            }
            Paragraph text = new Paragraph(n.text());
            text.addClassName("tafel-note-text");
            Button edit = new Button(getTranslation("review.notes.editButton"), VaadinIcon.EDIT.create(),
                    e -> NoteDialog.edit(notes, n.id(), n.text(), n.shared(), n.version(), this::fill).open());
            edit.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            edit.addClassName("note-edit");
            Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create(), e -> {
                try {
                    notes.delete(n.id(), n.version());
                } catch (TafelException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
                fill();
            });
            delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            delete.addClassName("note-delete");
            Div buttons = new Div(edit, delete);
            buttons.addClassName("tafel-note-actions");
            box.add(meta, text, buttons);
            list.add(box);
        }
    }

    @Override
    public String viewTitle() {
        return getTranslation("review.myNotes");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.myNotes") + " · " + getTranslation("app.name");
    }
}
