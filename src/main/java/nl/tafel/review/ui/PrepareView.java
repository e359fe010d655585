package nl.tafel.review.ui;

import nl.tafel.shared.ui.PdfViewer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import nl.tafel.meetings.AgendaItemId;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.review.Note;
import nl.tafel.review.NoteService;
import nl.tafel.review.Preparation;
import nl.tafel.review.Question;
import nl.tafel.review.QuestionService;
import nl.tafel.review.QuestionVisibility;
import nl.tafel.review.ReadingState;
import nl.tafel.review.ReviewService;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.Links;
import nl.tafel.spaces.Reading;
import nl.tafel.spaces.SpaceNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * "Vergadering voorbereiden": the agenda with each item's papers, the paper read in the browser (next and previous
 * across the whole agenda), the person's reading status, their notes on the paper, and the questions to its item.
 * Laid out for a tablet first: side by side from 1024 px, the agenda above the paper below that.
 */
@Route("vergaderingen/:meetingId/voorbereiden")
@PermitAll
@StyleSheet("styles/review.css")
class PrepareView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, MainLayout.HasViewTitle {

    static final String PAPER_PARAMETER = "stuk";

    private final ReviewService review;
    private final NoteService notes;
    private final QuestionService questions;
    private @Nullable Preparation preparation;
    private List<Preparation.Paper> papers = List.of();
    private Map<AgendaItemId, List<Question>> asked = Map.of();
    /** The paper open in the reader, or null when an item (or nothing) is chosen. */
    private Preparation.@Nullable Paper paper;
    private Preparation.@Nullable Item item;
    private @Nullable PdfViewer viewer;
    private final Div agendaList = new Div();
    private final Div reader = new Div();
    private final Span progress = new Span();

    private final nl.tafel.meetings.AgendaService agenda;
    private final org.springframework.beans.factory.ObjectProvider<nl.tafel.meetings.OpenActions> openActions;

    PrepareView(ReviewService review, NoteService notes, QuestionService questions,
            nl.tafel.meetings.AgendaService agenda,
            org.springframework.beans.factory.ObjectProvider<nl.tafel.meetings.OpenActions> openActions) {
        this.agenda = agenda;
        this.openActions = openActions;
        this.review = review;
        this.notes = notes;
        this.questions = questions;
        addClassName("tafel-view");
        addClassName("tafel-prepare-view");
        setPadding(false);
    }

    static String path(MeetingId id) {
        return "vergaderingen/" + id + "/voorbereiden";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MeetingId id;
        try {
            id = MeetingId.parse(event.getRouteParameters().get("meetingId").orElse(null))
                    .orElseThrow(MeetingNotFoundException::new);
            preparation = review.prepare(id);
        } catch (MeetingNotFoundException | AccessDeniedException | SpaceNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        } catch (TafelException e) {
            refused(e);
            return;
        }
        papers = preparation.papers();
        asked = questions.byItem(id);
        build();
        String wanted = event.getLocation().getQueryParameters().getSingleParameter(PAPER_PARAMETER).orElse(null);
        papers.stream().filter(p -> p.documentId().toString().equals(wanted)).findFirst().ifPresentOrElse(this::open,
                () -> {
                    if (!papers.isEmpty()) {
                        papers.stream().filter(p -> p.state().open()).findFirst().ifPresentOrElse(this::open,
                                () -> open(papers.getFirst()));
                    } else if (!preparation.items().isEmpty()) {
                        choose(preparation.items().getFirst());
                    }
                });
    }

    /** The person may see the meeting but does not prepare it (not invited, not a manager). */
    private void refused(TafelException e) {
        removeAll();
        Paragraph message = new Paragraph(getTranslation(e.messageKey(), e.arguments()));
        message.setId("prepare-refused");
        add(new ViewHeader(getTranslation("review.title"), ""), message);
    }

    private void build() {
        Preparation p = preparation;
        removeAll();
        Div actions = new Div();
        actions.addClassName("tafel-actions");
        Button back = new Button(getTranslation("invitations.backToMeeting"), VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate("vergaderingen/" + p.meetingId()));
        back.setId("prepare-back");
        actions.add(back);
        if (p.pack() != null) {
            Button pack = new Button(getTranslation("review.pack"), VaadinIcon.BOOK.create(),
                    e -> open(p.pack()));
            pack.setId("prepare-pack");
            actions.add(pack);
        }
        if (p.canSeeReadingTable()) {
            Button table = new Button(getTranslation("review.table.open"), VaadinIcon.TABLE.create(),
                    e -> UI.getCurrent().navigate(ReadingTableView.path(p.meetingId())));
            table.setId("prepare-reading-table");
            actions.add(table);
        }
        Button mine = new Button(getTranslation("review.myNotes"), VaadinIcon.NOTEBOOK.create(),
                e -> UI.getCurrent().navigate(MyNotesView.class));
        mine.setId("prepare-my-notes");
        actions.add(mine);
        add(new ViewHeader(getTranslation("review.title"), p.title() + " · " + p.spaceName() + " · "
                + Formats.dateTime(p.startsAt(), getLocale()), actions));
        progress.setId("prepare-progress");
        progress.addClassName("tafel-muted");
        add(progress);
        Div layout = new Div();
        layout.addClassName("tafel-prepare");
        agendaList.addClassName("tafel-prepare-agenda");
        agendaList.setId("prepare-agenda");
        reader.addClassName("tafel-prepare-reader");
        reader.setId("prepare-reader");
        layout.add(agendaList, reader);
        add(layout);
        showAgenda();
    }

    private void showAgenda() {
        Preparation p = preparation;
        long read = papers.stream().filter(x -> !x.state().open()).count();
        progress.setText(papers.isEmpty() ? getTranslation("review.noPapers")
                : getTranslation("review.progress", read, papers.size()));
        agendaList.removeAll();
        for (Preparation.Item i : p.items()) {
            Div box = new Div();
            box.addClassName("tafel-prepare-item");
            box.addClassName("tafel-prepare-depth-" + i.depth());
            box.setId("prepare-item-" + i.number());
            Button title = new Button(i.number() + ". " + i.title(), e -> {
                choose(i);
                showReader();
            });
            title.addClassName("tafel-prepare-item-title");
            title.addThemeVariants(ButtonVariant.TERTIARY);
            if (item != null && item.id().equals(i.id()) && paper == null) {
                title.addClassName("tafel-selected");
            }
            box.add(title);
            int count = asked.getOrDefault(i.id(), List.of()).size();
            if (count > 0) {
                Span badge = new Span(getTranslation("review.questions.count", count));
                badge.addClassNames("tafel-badge", "tafel-badge-muted");
                box.add(badge);
            }
            for (Preparation.Paper x : i.papers()) {
                Button open = new Button(x.name(), e -> {
                    open(x);
                    showReader();
                });
                open.addClassName("tafel-prepare-paper");
                open.addThemeVariants(ButtonVariant.TERTIARY);
                open.setId("paper-" + papers.indexOf(x));
                open.setIcon(icon(x.state()));
                if (paper != null && paper.documentId().equals(x.documentId()) && paper.itemId() != null
                        && paper.itemId().equals(x.itemId())) {
                    open.addClassName("tafel-selected");
                }
                Div row = new Div(open, badge(x.state()));
                row.addClassName("tafel-prepare-paper-row");
                box.add(row);
            }
            agendaList.add(box);
        }
    }

    private static Component icon(ReadingState state) {
        return switch (state) {
            case READ -> VaadinIcon.CHECK_CIRCLE.create();
            case UNREAD -> VaadinIcon.FILE_TEXT_O.create();
            case CHANGED_SINCE_READ -> VaadinIcon.REFRESH.create();
        };
    }

    private Span badge(ReadingState state) {
        Span badge = new Span(getTranslation(state.translationKey()));
        badge.addClassName("tafel-badge");
        badge.addClassName(switch (state) {
            case READ -> "tafel-badge-success";
            case UNREAD -> "tafel-badge-muted";
            case CHANGED_SINCE_READ -> "tafel-badge-warning";
        });
        badge.addClassName("tafel-reading-" + state.name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }

    /** On a tablet in portrait the reader is below the agenda: bring it up once something was chosen. */
    private void showReader() {
        reader.getElement().executeJs("if (window.innerWidth < 1024) { this.scrollIntoView({block: 'start'}); }");
    }

    /** An item without opening a paper: its description, papers and questions. */
    private void choose(Preparation.Item chosen) {
        item = chosen;
        paper = null;
        viewer = null;
        reader.removeAll();
        H2 heading = new H2(chosen.number() + ". " + chosen.title());
        heading.setId("reader-title");
        reader.add(heading);
        if (chosen.description() != null) {
            reader.add(new Paragraph(chosen.description()));
        }
        // the "Actielijst" item (by its role, whatever it is called) shows the open actions
        agenda.agenda(preparation.meetingId()).stream()
                .filter(i -> i.id().equals(chosen.id()) && i.is(nl.tafel.meetings.ItemRole.ACTIONS)).findFirst()
                .ifPresent(i -> reader.add(new nl.tafel.meetings.OpenActionsList(i, openActions.orderedStream()
                        .flatMap(o -> o.of(preparation.meetingId()).stream()).toList())));
        if (chosen.papers().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.item.noPapers"));
            none.addClassName("tafel-muted");
            reader.add(none);
        }
        reader.add(questionsOf(chosen));
        showAgenda();
    }

    /** Opens a paper in the reader (the agenda pack too, which has no item and no reading status). */
    private void open(Preparation.Paper chosen) {
        paper = chosen;
        item = chosen.itemId() == null ? null : preparation.items().stream()
                .filter(i -> i.id().equals(chosen.itemId())).findFirst().orElse(null);
        reader.removeAll();
        int index = indexOf(chosen);
        boolean isPack = chosen.itemId() == null;
        Div bar = new Div();
        bar.addClassName("tafel-prepare-bar");
        Button previous = new Button(getTranslation("review.previousPaper"), VaadinIcon.ARROW_LEFT.create(),
                e -> open(papers.get(index - 1)));
        previous.setId("previous-paper");
        previous.setEnabled(index > 0);
        Button next = new Button(getTranslation("review.nextPaper"), VaadinIcon.ARROW_RIGHT.create(),
                e -> open(papers.get(index + 1)));
        next.setIconAfterText(true);
        next.setId("next-paper");
        next.setEnabled(index >= 0 && index < papers.size() - 1);
        Span where = new Span(isPack ? getTranslation("review.pack")
                : getTranslation("review.paperOf", index + 1, papers.size(), item == null ? "" : item.number()));
        where.addClassName("tafel-muted");
        bar.add(previous, where, next);
        reader.add(bar);
        H2 heading = new H2(chosen.name());
        heading.setId("reader-title");
        Div facts = new Div();
        facts.addClassName("tafel-prepare-facts");
        if (!isPack) {
            Span state = badge(current(chosen).state());
            state.setId("paper-state");
            facts.add(state);
            if (current(chosen).state().open()) {
                Button mark = new Button(getTranslation("review.markRead"), VaadinIcon.CHECK.create(),
                        e -> markRead(chosen));
                mark.setId("mark-read");
                mark.addThemeVariants(ButtonVariant.SMALL);
                facts.add(mark);
            }
        }
        if (chosen.late()) {
            Span late = new Span(getTranslation("review.late"));
            late.addClassNames("tafel-badge", "tafel-badge-warning");
            facts.add(late);
        }
        Anchor download = new Anchor(Links.download(chosen.versionId()), getTranslation("action.download"));
        download.getElement().setAttribute("router-ignore", true);
        download.setId("paper-download");
        facts.add(download);
        reader.add(heading, facts, viewerFor(chosen));
        if (!isPack) {
            reader.add(notesOf(chosen));
            if (item != null) {
                reader.add(questionsOf(item));
            }
        }
        showAgenda();
    }

    private int indexOf(Preparation.Paper chosen) {
        for (int i = 0; i < papers.size(); i++) {
            Preparation.Paper p = papers.get(i);
            if (p.documentId().equals(chosen.documentId()) && java.util.Objects.equals(p.itemId(), chosen.itemId())) {
                return i;
            }
        }
        return -1;
    }

    /** The paper as it stands now (its reading state changes while the page is open). */
    private Preparation.Paper current(Preparation.Paper chosen) {
        int index = indexOf(chosen);
        return index < 0 ? chosen : papers.get(index);
    }

    private Component viewerFor(Preparation.Paper chosen) {
        viewer = null;
        Reading reading = chosen.reading();
        switch (reading) {
            case PDF, CONVERTED_PDF -> {
                PdfViewer pdf = new PdfViewer(reading == Reading.PDF ? Links.read(chosen.versionId())
                        : Links.readAsPdf(chosen.versionId()), Links.download(chosen.versionId()), chosen.name());
                if (chosen.itemId() != null) {
                    pdf.addPageListener((page, count) -> pageSeen(chosen, page, count));
                }
                viewer = pdf;
                return pdf;
            }
            case IMAGE -> {
                Image image = new Image(Links.read(chosen.versionId()), chosen.name());
                image.addClassName("tafel-viewer-image");
                Div box = new Div(image);
                box.addClassName("tafel-viewer");
                return box;
            }
            default -> {
                Div notice = new Div();
                notice.addClassName("tafel-viewer-notice");
                notice.setId("paper-download-only");
                Anchor download = new Anchor(Links.download(chosen.versionId()),
                        getTranslation("viewer.download", chosen.name()));
                download.getElement().setAttribute("router-ignore", true);
                notice.add(VaadinIcon.INFO_CIRCLE_O.create(), new Paragraph(getTranslation(
                        reading == Reading.CONVERTER_MISSING ? "viewer.noConverter" : "viewer.downloadOnly")),
                        download);
                return notice;
            }
        }
    }

    /** The viewer shows a page: at the last one the paper counts as read. */
    private void pageSeen(Preparation.Paper chosen, int page, int count) {
        if (page != count || !current(chosen).state().open()) {
            return;
        }
        try {
            ReadingState state = review.pageSeen(preparation.meetingId(), chosen.documentId(), chosen.versionId(),
                    page, count);
            changed(chosen, state);
        } catch (TafelException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void markRead(Preparation.Paper chosen) {
        try {
            changed(chosen, review.markRead(preparation.meetingId(), chosen.documentId(), chosen.versionId()));
        } catch (TafelException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    /** A paper's reading state changed: every paper of the same document (on more items) shows it. */
    private void changed(Preparation.Paper chosen, ReadingState state) {
        papers = papers.stream().map(p -> p.documentId().equals(chosen.documentId()) ? withState(p, state) : p)
                .toList();
        preparation = new Preparation(preparation.meetingId(), preparation.title(), preparation.spaceName(),
                preparation.startsAt(), preparation.status(), preparation.items().stream().map(i ->
                        new Preparation.Item(i.id(), i.number(), i.depth(), i.title(), i.purpose(), i.description(),
                                i.papers().stream().map(p -> p.documentId().equals(chosen.documentId())
                                        ? withState(p, state) : p).toList())).toList(),
                preparation.pack(), preparation.canSeeReadingTable(), preparation.canAsk());
        findById(reader, "paper-state").ifPresent(c -> {
            Span old = (Span) c;
            Span fresh = badge(state);
            fresh.setId("paper-state");
            old.getElement().getParent().insertChild(old.getElement().getParent().indexOfChild(old.getElement()),
                    fresh.getElement());
            old.getElement().removeFromParent();
        });
        if (!state.open()) {
            findById(reader, "mark-read").ifPresent(c -> c.getElement().removeFromParent());
            Notifications.success(getTranslation("review.marked", chosen.name()));
        }
        showAgenda();
    }

    private static Preparation.Paper withState(Preparation.Paper p, ReadingState state) {
        return new Preparation.Paper(p.itemId(), p.documentId(), p.name(), p.mediaType(), p.versionId(),
                p.versionNumber(), p.reading(), state, p.late());
    }

    private static java.util.Optional<Component> findById(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return java.util.Optional.of(root);
        }
        return root.getChildren().map(c -> findById(c, id)).flatMap(java.util.Optional::stream).findFirst();
    }

    // ---------------------------------------------------------------- notes

    private Component notesOf(Preparation.Paper chosen) {
        Div box = new Div();
        box.addClassName("tafel-prepare-block");
        box.setId("notes");
        fillNotes(box, chosen);
        return box;
    }

    private void fillNotes(Div box, Preparation.Paper chosen) {
        box.removeAll();
        box.add(new H3(getTranslation("review.notes.title")));
        List<Note> list;
        try {
            list = notes.notes(chosen.documentId());
        } catch (SpaceNotFoundException e) {
            box.add(new Paragraph(getTranslation("review.error.documentGone")));
            return;
        }
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.notes.none"));
            none.addClassName("tafel-muted");
            box.add(none);
        }
        for (Note n : list) {
            box.add(note(n, () -> fillNotes(box, chosen)));
        }
        TextArea text = new TextArea(getTranslation("review.notes.new"));
        text.setId("note-text");
        text.setWidthFull();
        text.setMaxLength(4000);
        text.setHelperText(getTranslation("review.notes.private"));
        Checkbox atPage = new Checkbox(getTranslation("review.notes.atPage"));
        atPage.setId("note-at-page");
        atPage.setValue(true);
        atPage.setVisible(viewer != null);
        Checkbox shared = new Checkbox(getTranslation("review.notes.share"));
        shared.setId("note-shared");
        Button add = new Button(getTranslation("review.notes.add"), VaadinIcon.PLUS.create(), e -> {
            Integer page = viewer != null && atPage.getValue() && viewer.page() > 0 ? viewer.page() : null;
            try {
                notes.add(chosen.documentId(), chosen.versionId(), page, text.getValue(), shared.getValue());
                Notifications.success(getTranslation(shared.getValue() ? "review.notes.savedShared"
                        : "review.notes.saved"));
                fillNotes(box, chosen);
            } catch (FieldException ex) {
                text.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                text.setInvalid(true);
            } catch (SpaceNotFoundException ex) {
                Notifications.error(getTranslation("review.error.documentGone"));
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        add.setId("note-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        Div options = new Div(atPage, shared, add);
        options.addClassName("tafel-prepare-form-row");
        box.add(text, options);
    }

    /** One note: where it belongs, whose it is, whether it is shared or of an earlier version; edit if own. */
    Component note(Note n, Runnable refresh) {
        Div box = new Div();
        box.addClassName("tafel-note");
        box.setId("note-" + n.id());
        Div meta = new Div();
        meta.addClassName("tafel-note-meta");
        meta.add(new Span(n.page() == null ? getTranslation("review.notes.wholeDocument")
                : getTranslation("review.notes.page", n.page())));
        meta.add(new Span(Formats.dateTime(n.updatedAt(), getLocale())));
        if (!n.mine()) {
            meta.add(new Span(getTranslation("review.notes.by", n.authorName())));
        }
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
        box.add(meta, text);
        if (n.mine()) {
            Button edit = new Button(getTranslation("review.notes.editButton"), VaadinIcon.EDIT.create(),
                    e -> NoteDialog.edit(notes, n.id(), n.text(), n.shared(), n.version(), refresh).open());
            edit.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            edit.addClassName("note-edit");
            Button delete = new Button(getTranslation("action.delete"), VaadinIcon.TRASH.create(), e -> {
                try {
                    notes.delete(n.id(), n.version());
                } catch (TafelException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                }
                refresh.run();
            });
            delete.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            delete.addClassName("note-delete");
            Div buttons = new Div(edit, delete);
            buttons.addClassName("tafel-note-actions");
            box.add(buttons);
        }
        return box;
    }

    // ---------------------------------------------------------------- questions

    private Component questionsOf(Preparation.Item of) {
        Div box = new Div();
        box.addClassName("tafel-prepare-block");
        box.setId("questions");
        fillQuestions(box, of);
        return box;
    }

    private void fillQuestions(Div box, Preparation.Item of) {
        box.removeAll();
        box.add(new H3(getTranslation("review.questions.title", of.number() + ". " + of.title())));
        List<Question> list = asked.getOrDefault(of.id(), List.of());
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("review.questions.none"));
            none.addClassName("tafel-muted");
            box.add(none);
        }
        Runnable refresh = () -> {
            asked = questions.byItem(preparation.meetingId());
            fillQuestions(box, of);
            showAgenda();
        };
        for (Question q : list) {
            box.add(QuestionCard.of(questions, q, refresh));
        }
        if (!preparation.canAsk()) {
            Paragraph closed = new Paragraph(getTranslation("review.questions.closed"));
            closed.addClassName("tafel-muted");
            box.add(closed);
            return;
        }
        TextArea text = new TextArea(getTranslation("review.questions.new"));
        text.setId("question-text");
        text.setWidthFull();
        text.setMaxLength(2000);
        RadioButtonGroup<QuestionVisibility> visibility = new RadioButtonGroup<>(
                getTranslation("review.questions.visibility"));
        visibility.setId("question-visibility");
        visibility.setItems(QuestionVisibility.values());
        visibility.setItemLabelGenerator(v -> getTranslation(v.translationKey()));
        visibility.setValue(QuestionVisibility.LEADS);
        Button ask = new Button(getTranslation("review.questions.ask"), VaadinIcon.QUESTION_CIRCLE_O.create(), e -> {
            try {
                questions.ask(preparation.meetingId(), of.id(), text.getValue(), visibility.getValue());
                Notifications.success(getTranslation("review.questions.asked"));
                refresh.run();
            } catch (FieldException ex) {
                text.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                text.setInvalid(true);
            } catch (TafelException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        ask.setId("question-ask");
        box.add(text, visibility, ask);
    }

    @Override
    public String viewTitle() {
        return getTranslation("nav.meetings");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.title") + (preparation == null ? "" : " · " + preparation.title()) + " · "
                + getTranslation("app.name");
    }
}
