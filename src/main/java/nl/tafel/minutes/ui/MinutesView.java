package nl.tafel.minutes.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import nl.tafel.actions.ActionService;
import nl.tafel.actions.ActionStatus;
import nl.tafel.actions.ActionView;
import nl.tafel.actions.ui.ActionDialog;
import nl.tafel.meetings.MeetingId;
import nl.tafel.meetings.MeetingNotFoundException;
import nl.tafel.minutes.Decision;
import nl.tafel.minutes.MinutesConflict;
import nl.tafel.minutes.MinutesDetails;
import nl.tafel.minutes.MinutesService;
import nl.tafel.minutes.MinutesStatus;
import nl.tafel.minutes.MinutesTextSaved;
import nl.tafel.shared.ConcurrentEditException;
import nl.tafel.shared.FieldException;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.SpaceMember;
import nl.tafel.spaces.SpaceService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The minutes of a meeting, laid out by its agenda. Writers type Markdown per item with a preview beside it; the text
 * is saved a moment after typing stops. If someone else saved the same item meanwhile, a dialog shows both texts and
 * offers to merge; nothing is overwritten silently. Decisions and actions are recorded under their item; the
 * "Actielijst" item lists the open actions of earlier meetings, which this meeting can close.
 */
@Route("vergaderingen/:meetingId/notulen")
@PermitAll
class MinutesView extends VerticalLayout implements BeforeEnterObserver, com.vaadin.flow.router.BeforeLeaveObserver,
        HasDynamicTitle, MainLayout.HasViewTitle {

    /**
     * Flushes typed text that is not yet saved when the tab is hidden or closed, and warns before leaving while a save
     * is pending. Each text area carries the last saved text in its {@code tafelSaved} property.
     */
    private static final String FLUSH_ON_LEAVE = """
            const view = this;
            if (view.__tafelRemove) { view.__tafelRemove(); }
            const dirty = () => Array.from(view.querySelectorAll('vaadin-text-area[data-item]'))
                .filter(a => a.tafelSaved !== undefined && a.value !== a.tafelSaved);
            const remove = () => {
              document.removeEventListener('visibilitychange', onVisibility);
              window.removeEventListener('pagehide', flush);
              window.removeEventListener('beforeunload', onBeforeUnload);
              view.__tafelRemove = undefined;
            };
            const flush = () => {
              if (!view.isConnected) { remove(); return; }
              dirty().forEach(a => view.$server.flush(a.dataset.item, a.value));
            };
            const onVisibility = () => { if (document.visibilityState === 'hidden') { flush(); } };
            const onBeforeUnload = e => {
              if (!view.isConnected) { remove(); return; }
              if (dirty().length > 0) { flush(); e.preventDefault(); e.returnValue = ''; }
            };
            document.addEventListener('visibilitychange', onVisibility);
            window.addEventListener('pagehide', flush);
            window.addEventListener('beforeunload', onBeforeUnload);
            view.__tafelRemove = remove;
            """;

    private final MinutesService minutes;
    private final ActionService actions;
    private final SpaceService spaces;
    private final nl.tafel.minutes.internal.MinutesUpdates updates;
    private final nl.tafel.review.QuestionService questions;
    /** The questions asked before the meeting, per item, that the person may see. */
    private java.util.Map<nl.tafel.meetings.AgendaItemId, List<nl.tafel.review.Question>> asked = java.util.Map.of();
    private final java.util.Map<nl.tafel.meetings.AgendaItemId, ItemEditor> editors = new java.util.HashMap<>();
    private @Nullable MinutesDetails details;
    private List<SpaceMember> members = List.of();
    /** The actions agreed in this meeting, read once per build for all items. */
    private List<ActionView> agreed = List.of();
    private com.vaadin.flow.shared.@Nullable Registration live;

    MinutesView(MinutesService minutes, ActionService actions, SpaceService spaces,
            nl.tafel.minutes.internal.MinutesUpdates updates, nl.tafel.review.QuestionService questions) {
        this.updates = updates;
        this.questions = questions;
        this.minutes = minutes;
        this.actions = actions;
        this.spaces = spaces;
        addClassName("tafel-view");
        setPadding(false);
    }

    static String path(MeetingId id) {
        return "vergaderingen/" + id + "/notulen";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            MeetingId id = MeetingId.parse(event.getRouteParameters().get("meetingId").orElse(null))
                    .orElseThrow(MeetingNotFoundException::new);
            details = minutes.get(id);
        } catch (MeetingNotFoundException | AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        members = details.canWrite() ? spaces.members(details.spaceId()) : List.of();
        build();
        listen();
    }

    /** Shows text that others save while this page is open (Vaadin Push). */
    private void listen() {
        if (live != null) {
            live.remove();
        }
        UI ui = UI.getCurrent();
        live = updates.register(details.meetingId(), saved -> ui.access(() -> {
            ItemEditor editor = editors.get(saved.itemId());
            if (editor != null) {
                editor.savedElsewhere(saved);
            }
        }));
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        getElement().executeJs(FLUSH_ON_LEAVE);
    }

    /** Text sent by the page when the tab is hidden or closed: saved if it differs from what was saved. */
    @com.vaadin.flow.component.ClientCallable
    void flush(String itemId, String text) {
        editors.values().stream().filter(e -> e.item.itemId().value().toString().equals(itemId)).findFirst()
                .ifPresent(editor -> editor.flush(text));
    }

    /**
     * Leaving the page inside the app (Back, a link): first the text in the browser that has not been sent yet is
     * fetched and saved; a conflict keeps the person on the page with the conflict dialog.
     */
    @Override
    public void beforeLeave(com.vaadin.flow.router.BeforeLeaveEvent event) {
        List<ItemEditor> open = editors.values().stream().filter(e -> e.editorText != null).toList();
        if (details == null || !details.canWrite() || open.isEmpty()) {
            return;
        }
        com.vaadin.flow.router.BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        java.util.concurrent.atomic.AtomicInteger remaining = new java.util.concurrent.atomic.AtomicInteger(
                open.size());
        java.util.concurrent.atomic.AtomicBoolean stay = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable next = () -> {
            if (remaining.decrementAndGet() == 0 && !stay.get()) {
                action.proceed();
            }
        };
        for (ItemEditor editor : open) {
            editor.editorText.getElement().executeJs("return this.value").then(String.class, value -> {
                if (!editor.flush(value)) {
                    stay.set(true);
                }
                next.run();
            }, error -> next.run());
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (live != null) {
            live.remove();
            live = null;
        }
        super.onDetach(event);
    }

    private void reload() {
        details = minutes.get(details.meetingId());
        build();
    }

    private void build() {
        MinutesDetails d = details;
        removeAll();
        Div buttons = new Div();
        buttons.addClassName("tafel-actions");
        Button back = new Button(getTranslation("invitations.backToMeeting"), VaadinIcon.ARROW_LEFT.create(),
                e -> UI.getCurrent().navigate("vergaderingen/" + d.meetingId()));
        buttons.add(back);
        if (d.canWrite() && d.status() == MinutesStatus.CONCEPT) {
            Button circulate = new Button(getTranslation("minutes.circulate"), VaadinIcon.PAPERPLANE.create(),
                    e -> confirm("minutes.circulate", "minutes.circulate.confirm", () -> minutes.circulate(
                            d.meetingId()), "minutes.circulated"));
            circulate.setId("minutes-circulate");
            buttons.add(circulate);
        }
        if (d.canWrite()) {
            Button approve = new Button(getTranslation("minutes.approve"), VaadinIcon.LOCK.create(),
                    e -> confirm("minutes.approve", "minutes.approve.confirm", () -> Notifications.success(
                            getTranslation("minutes.approvedFiled", minutes.approve(d.meetingId()).name())), null));
            approve.addThemeVariants(ButtonVariant.PRIMARY);
            approve.setId("minutes-approve");
            buttons.add(approve);
        }
        if (d.status() == MinutesStatus.APPROVED) {
            Button revise = new Button(getTranslation("minutes.revise"), VaadinIcon.EDIT.create(),
                    e -> confirm("minutes.revise", "minutes.revise.confirm", () -> minutes.revise(d.meetingId()),
                            "minutes.revised"));
            revise.setId("minutes-revise");
            revise.setVisible(d.canRevise());
            buttons.add(revise);
        }
        add(new ViewHeader(getTranslation("minutes.title"), d.title() + " · " + Formats.dateTime(d.startsAt(),
                getLocale()), buttons));
        Span state = new Span(getTranslation(d.status().translationKey()) + (d.approvedAt() == null ? ""
                : " · " + Formats.dateTime(d.approvedAt(), getLocale())));
        state.addClassNames("tafel-badge", d.status() == MinutesStatus.APPROVED ? "tafel-badge-success"
                : "tafel-badge-muted");
        state.setId("minutes-status");
        add(state);
        if (d.canWrite()) {
            Paragraph help = new Paragraph(getTranslation("minutes.help"));
            help.addClassName("tafel-muted");
            add(help);
        }
        add(attendance(d));
        agreed = actions.agreedIn(d.meetingId());
        asked = questions.byItem(d.meetingId());
        editors.clear();
        for (MinutesDetails.Item item : d.items()) {
            ItemEditor editor = new ItemEditor(item);
            editors.put(item.itemId(), editor);
            add(editor);
        }
    }

    /** Who was there: editable per person for writers, as "Aanwezig: …" lines for readers. */
    private Component attendance(MinutesDetails d) {
        Div box = new Div();
        box.addClassName("tafel-minutes-item");
        box.setId("minutes-attendance");
        box.add(new H2(getTranslation("minutes.attendance")));
        box.getChildren().findFirst().ifPresent(h -> h.getElement().getClassList().add("tafel-minutes-heading"));
        if (!d.canWrite()) {
            for (nl.tafel.minutes.Presence presence : nl.tafel.minutes.Presence.values()) {
                List<String> names = d.attendance().stream().filter(a -> !a.guest() && a.presence() == presence)
                        .map(nl.tafel.minutes.Attendee::name).toList();
                if (!names.isEmpty()) {
                    box.add(new Paragraph(getTranslation(presence.translationKey()) + ": " + String.join(", ",
                            names)));
                }
            }
            List<String> guests = d.attendance().stream().filter(nl.tafel.minutes.Attendee::guest)
                    .filter(a -> a.presence() == nl.tafel.minutes.Presence.PRESENT)
                    .map(nl.tafel.minutes.Attendee::name).toList();
            if (!guests.isEmpty()) {
                box.add(new Paragraph(getTranslation("minutes.guests") + ": " + String.join(", ", guests)));
            }
            return box;
        }
        if (d.attendance().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("minutes.attendance.none"));
            none.addClassName("tafel-muted");
            Button take = new Button(getTranslation("minutes.attendance.take"), VaadinIcon.USERS.create(),
                    e -> act(() -> minutes.takeAttendance(d.meetingId())));
            take.addThemeVariants(ButtonVariant.PRIMARY);
            take.setId("minutes-take-attendance");
            box.add(none, take);
        }
        Div list = new Div();
        list.addClassName("tafel-attendance-list");
        for (nl.tafel.minutes.Attendee a : d.attendance()) {
            Select<nl.tafel.minutes.Presence> presence = new Select<>();
            presence.setItems(nl.tafel.minutes.Presence.values());
            presence.setItemLabelGenerator(p -> getTranslation(p.translationKey()));
            presence.setValue(a.presence());
            presence.setAriaLabel(getTranslation("minutes.presenceOf", a.name()));
            presence.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> minutes.setPresence(d.meetingId(), a.position(), e.getValue()));
                }
            });
            Span name = new Span(a.name());
            Div line = new Div(name);
            if (a.guest()) {
                Span guest = new Span(getTranslation("invitations.guest"));
                guest.addClassNames("tafel-badge", "tafel-badge-contrast");
                line.add(guest);
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(),
                        e -> act(() -> minutes.removeAttendee(d.meetingId(), a.position())));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                remove.setAriaLabel(getTranslation("minutes.removeGuest", a.name()));
                line.add(remove);
            }
            line.add(presence);
            if (a.confirmed()) {
                Span confirmed = new Span(getTranslation("minutes.attendance.confirmed"));
                confirmed.addClassNames("tafel-badge", "tafel-badge-success");
                line.add(confirmed);
            } else {
                Button confirm = new Button(getTranslation("minutes.attendance.confirm"), VaadinIcon.CHECK.create(),
                        e -> act(() -> minutes.confirmPresence(d.meetingId(), a.position())));
                confirm.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                confirm.setAriaLabel(getTranslation("minutes.attendance.confirmOf", a.name()));
                confirm.setId("minutes-confirm-" + a.position());
                line.add(confirm);
            }
            line.addClassName("tafel-minutes-decision");
            list.add(line);
        }
        box.add(list);
        TextField guest = new TextField();
        guest.setPlaceholder(getTranslation("minutes.guestName"));
        guest.setAriaLabel(getTranslation("minutes.addGuest"));
        guest.setMaxLength(200);
        Button add = new Button(getTranslation("minutes.addGuest"), VaadinIcon.PLUS.create(), e -> {
            try {
                minutes.addGuest(d.meetingId(), guest.getValue());
                reload();
            } catch (FieldException ex) {
                guest.setInvalid(true);
                guest.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        add.setId("minutes-add-guest");
        Div row = new Div(guest, add);
        row.addClassName("tafel-minutes-add");
        box.add(row);
        return box;
    }

    /** One agenda item: its text (editor and preview, or the rendered text), decisions and actions. */
    private final class ItemEditor extends Div {

        private final MinutesDetails.Item item;
        private final Div preview = new Div();
        private final Span saved = new Span();
        private @Nullable TextArea editorText;
        private String lastSaved;
        private long version;
        private boolean conflictOpen;

        ItemEditor(MinutesDetails.Item item) {
            this.item = item;
            this.version = item.version();
            this.lastSaved = item.text();
            addClassName("tafel-minutes-item");
            setId("minutes-item-" + item.number());
            H2 heading = new H2(item.number() + ". " + item.title());
            heading.addClassName("tafel-minutes-heading");
            add(heading);
            preview.addClassName("tafel-minutes-preview");
            preview.getElement().setProperty("innerHTML", item.html());
            if (details.canWrite()) {
                TextArea text = new TextArea();
                editorText = text;
                text.setAriaLabel(getTranslation("minutes.textOf", item.title()));
                text.setPlaceholder(getTranslation("minutes.placeholder"));
                text.setValue(item.text());
                text.getElement().setAttribute("data-item", item.itemId().value().toString());
                text.getElement().setProperty("tafelSaved", item.text());
                text.setWidthFull();
                text.setMinRows(3);
                text.addClassName("tafel-minutes-text");
                text.setValueChangeMode(ValueChangeMode.TIMEOUT);
                text.setValueChangeTimeout(800);
                text.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        save(text, e.getValue());
                    }
                });
                saved.addClassName("tafel-muted");
                if (item.updatedAt() != null) {
                    saved.setText(getTranslation("minutes.lastSaved", item.updatedBy(),
                            Formats.dateTime(item.updatedAt(), getLocale())));
                }
                Div columns = new Div(text, preview);
                columns.addClassName("tafel-minutes-columns");
                add(columns, saved);
            } else {
                add(preview);
            }
            if (item.equals(details.items().getFirst()) && details.quorum() != null) {
                add(quorum(details.quorum()));
            }
            if (item.previousMinutes()) {
                previousMinutes();
            }
            decisions();
            if (item.actionList()) {
                carriedOver();
            }
            agreedActions();
            questions();
            comments();
        }

        /** The questions asked to this item before the meeting; those who lead it mark them answered. */
        private void questions() {
            List<nl.tafel.review.Question> list = asked.getOrDefault(item.itemId(), List.of());
            if (list.isEmpty()) {
                return;
            }
            Div box = new Div();
            box.addClassName("tafel-minutes-block");
            box.setId("minutes-questions-" + item.number());
            Span title = new Span(getTranslation("review.questions.inMinutes"));
            title.addClassName("tafel-muted");
            box.add(title);
            for (nl.tafel.review.Question q : list) {
                Div line = new Div();
                line.addClassName("tafel-minutes-decision");
                Span who = new Span(q.askedBy() + ":");
                who.addClassName("tafel-muted");
                line.add(VaadinIcon.QUESTION_CIRCLE_O.create(), who, new Span(q.text()));
                if (q.answered()) {
                    Span done = new Span(getTranslation("review.questions.answered"));
                    done.addClassNames("tafel-badge", "tafel-badge-success");
                    line.add(done);
                } else if (q.canMarkAnswered()) {
                    Button answered = new Button(getTranslation("review.questions.markAnswered"),
                            VaadinIcon.CHECK.create(), e -> act(() -> questions.markAnswered(q.id(), true,
                                    q.version())));
                    answered.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    answered.addClassName("minutes-question-answered");
                    line.add(answered);
                }
                box.add(line);
            }
            add(box);
        }

        /** Comments of the members while the minutes are circulated; the writer marks them processed. */
        private void comments() {
            if (item.comments().isEmpty() && !details.canComment()) {
                return;
            }
            Div box = new Div();
            box.addClassName("tafel-minutes-block");
            for (nl.tafel.minutes.Comment c : item.comments()) {
                Div line = new Div();
                line.addClassName("tafel-minutes-decision");
                Span who = new Span(c.author() + ", " + Formats.dateTime(c.at(), getLocale()) + ":");
                who.addClassName("tafel-muted");
                line.add(VaadinIcon.COMMENT_O.create(), who, new Span(c.text()));
                if (c.resolvedAt() != null) {
                    Span done = new Span(getTranslation("minutes.commentResolved"));
                    done.addClassNames("tafel-badge", "tafel-badge-success");
                    line.add(done);
                } else if (details.canWrite()) {
                    Button resolve = new Button(getTranslation("minutes.resolveComment"), VaadinIcon.CHECK.create(),
                            e -> act(() -> minutes.resolveComment(details.meetingId(), c.id())));
                    resolve.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    line.add(resolve);
                }
                box.add(line);
            }
            if (details.canComment()) {
                TextField comment = new TextField();
                comment.setPlaceholder(getTranslation("minutes.commentPlaceholder"));
                comment.setAriaLabel(getTranslation("minutes.comment"));
                comment.setMaxLength(2000);
                comment.addClassName("tafel-grow");
                Button send = new Button(getTranslation("minutes.comment"), VaadinIcon.COMMENT.create(), e -> {
                    try {
                        minutes.comment(details.meetingId(), item.itemId(), comment.getValue());
                        Notifications.success(getTranslation("minutes.commented"));
                        reload();
                    } catch (FieldException ex) {
                        comment.setInvalid(true);
                        comment.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                    } catch (TafelException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                    }
                });
                send.setId("minutes-comment-" + item.number());
                Div row = new Div(comment, send);
                row.addClassName("tafel-minutes-add");
                box.add(row);
            }
            add(box);
        }

        /** Saves text from the browser that was not saved yet; false when a conflict keeps the person here. */
        boolean flush(String value) {
            if (editorText == null || value.equals(lastSaved)) {
                return true;
            }
            if (conflictOpen) {
                return false;
            }
            editorText.setValue(value);
            save(editorText, value);
            return value.equals(lastSaved);
        }

        private void save(TextArea text, String value) {
            if (conflictOpen) {
                return;
            }
            try {
                version = minutes.saveText(details.meetingId(), item.itemId(), value, version);
                lastSaved = value;
                text.getElement().setProperty("tafelSaved", value);
                preview.getElement().setProperty("innerHTML", nl.tafel.shared.text.Markdown.toSafeHtml(value));
                saved.setText(getTranslation("minutes.saved", java.time.LocalTime.now(Formats.ZONE)
                        .withNano(0).toString()));
            } catch (MinutesConflict c) {
                conflict(text, value, c);
            } catch (FieldException e) {
                text.setInvalid(true);
                text.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            } catch (TafelException e) {
                Notifications.error(getTranslation(e.messageKey(), e.arguments()));
            }
        }

        /** Both texts side by side: merge them, take theirs, or keep mine (knowingly replacing theirs). */
        private void conflict(TextArea text, String mine, MinutesConflict c) {
            conflictOpen = true;
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("minutes.conflict.title", item.number() + ". " + item.title()));
            dialog.setWidth("min(56rem, 95vw)");
            dialog.setCloseOnOutsideClick(false);
            dialog.add(new Paragraph(getTranslation("minutes.conflict.text", c.theirName())));
            TextArea theirs = new TextArea(getTranslation("minutes.conflict.theirs", c.theirName()));
            theirs.setValue(c.theirText());
            theirs.setReadOnly(true);
            theirs.setWidthFull();
            TextArea yours = new TextArea(getTranslation("minutes.conflict.yours"));
            yours.setValue(mine);
            yours.setReadOnly(true);
            yours.setWidthFull();
            Div both = new Div(theirs, yours);
            both.addClassName("tafel-minutes-columns");
            dialog.add(both);
            Button merge = new Button(getTranslation("minutes.conflict.merge"), e -> {
                resolve(dialog, text, c, c.theirText() + "\n\n" + mine);
            });
            merge.addThemeVariants(ButtonVariant.PRIMARY);
            merge.setId("minutes-merge");
            Button takeTheirs = new Button(getTranslation("minutes.conflict.takeTheirs"), e -> {
                version = c.theirVersion();
                text.setValue(c.theirText());
                lastSaved = c.theirText();
                text.getElement().setProperty("tafelSaved", c.theirText());
                preview.getElement().setProperty("innerHTML", nl.tafel.shared.text.Markdown
                        .toSafeHtml(c.theirText()));
                conflictOpen = false;
                dialog.close();
            });
            takeTheirs.setId("minutes-take-theirs");
            Button keepMine = new Button(getTranslation("minutes.conflict.keepMine"), e -> resolve(dialog, text, c,
                    mine));
            keepMine.addThemeVariants(ButtonVariant.ERROR);
            keepMine.setId("minutes-keep-mine");
            dialog.getFooter().add(keepMine, takeTheirs, merge);
            dialog.open();
        }

        private void resolve(Dialog dialog, TextArea text, MinutesConflict c, String result) {
            version = c.theirVersion();
            conflictOpen = false;
            dialog.close();
            text.setValue(result);
            save(text, result);
        }

        /**
         * Someone else saved this item: show their text, unless this writer has typed something not yet saved (then
         * their own save will meet the conflict dialog).
         */
        void savedElsewhere(MinutesTextSaved other) {
            if (other.version() <= version || conflictOpen) {
                return;
            }
            if (editorText != null) {
                if (!editorText.getValue().equals(lastSaved)) {
                    return;
                }
                editorText.setValue(other.text());
                editorText.getElement().setProperty("tafelSaved", other.text());
                lastSaved = other.text();
            }
            version = other.version();
            preview.getElement().setProperty("innerHTML", other.html());
            saved.setText(getTranslation("minutes.savedBy", other.by()));
        }

        private void decisions() {
            Div box = new Div();
            box.addClassName("tafel-minutes-block");
            for (Decision decision : item.decisions()) {
                Div line = new Div();
                line.addClassName("tafel-minutes-decision");
                Span number = new Span(getTranslation("minutes.decision", decision.number()));
                number.addClassName("tafel-strong");
                line.add(number, new Span(decision.text()));
                if (details.canWrite()) {
                    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                        act(() -> minutes.removeDecision(details.meetingId(), decision.id()));
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    remove.setAriaLabel(getTranslation("minutes.removeDecision", decision.number()));
                    line.add(remove);
                }
                box.add(line);
            }
            if (details.canWrite()) {
                TextField decision = new TextField();
                decision.setPlaceholder(getTranslation("minutes.decisionPlaceholder"));
                decision.setAriaLabel(getTranslation("minutes.addDecision"));
                decision.setMaxLength(4000);
                decision.addClassName("tafel-grow");
                Button add = new Button(getTranslation("minutes.addDecision"), VaadinIcon.GAVEL.create(), e -> {
                    try {
                        Decision made = minutes.addDecision(details.meetingId(), item.itemId(), decision.getValue());
                        Notifications.success(getTranslation("minutes.decisionAdded", made.number()));
                        reload();
                    } catch (FieldException ex) {
                        decision.setInvalid(true);
                        decision.setErrorMessage(getTranslation(ex.messageKey(), ex.arguments()));
                    } catch (TafelException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.arguments()));
                    }
                });
                add.setId("minutes-add-decision-" + item.number());
                Div row = new Div(decision, add);
                row.addClassName("tafel-minutes-add");
                box.add(row);
            }
            if (box.getChildren().findAny().isPresent()) {
                add(box);
            }
        }

        private void agreedActions() {
            Div box = new Div();
            box.addClassName("tafel-minutes-block");
            for (ActionView a : agreed.stream().filter(x -> item.itemId().equals(x.itemId())).toList()) {
                Div line = new Div();
                line.addClassName("tafel-minutes-decision");
                Span number = new Span(getTranslation("minutes.action", a.number()));
                number.addClassName("tafel-strong");
                line.add(number, new Span(a.description() + " — " + a.ownerNames()
                        + (a.due() == null ? "" : ", " + getTranslation("actions.dueOn", Formats.date(a.due(),
                                getLocale())))));
                box.add(line);
            }
            if (details.canWrite()) {
                Button add = new Button(getTranslation("actions.new"), VaadinIcon.TASKS.create(),
                        e -> new ActionDialog(actions, members, details.meetingId(), item.itemId(), null,
                                a -> reload()).open());
                add.setId("minutes-add-action-" + item.number());
                add.addThemeVariants(ButtonVariant.TERTIARY);
                box.add(add);
            }
            if (box.getChildren().findAny().isPresent()) {
                add(box);
            }
        }

        /** The minutes this meeting approves: a link to them, and (for planners) approving them here. */
        private void previousMinutes() {
            minutes.previous(details.meetingId()).ifPresent(previous -> {
                Div box = new Div();
                box.addClassName("tafel-minutes-block");
                box.setId("minutes-previous");
                Div line = new Div();
                line.addClassName("tafel-minutes-decision");
                line.add(new com.vaadin.flow.component.html.Anchor(path(previous.meetingId()),
                        getTranslation("minutes.previous", previous.title(), Formats.dateTime(previous.startsAt(),
                                getLocale()))));
                Span state = new Span(getTranslation(previous.status().translationKey()));
                state.addClassNames("tafel-badge", previous.status() == MinutesStatus.APPROVED
                        ? "tafel-badge-success" : "tafel-badge-muted");
                line.add(state);
                if (details.canWrite() && previous.status() != MinutesStatus.APPROVED) {
                    Button approve = new Button(getTranslation("minutes.approvePrevious"), VaadinIcon.LOCK.create(),
                            e -> confirm("minutes.approve", "minutes.approve.confirm", () -> Notifications.success(
                                    getTranslation("minutes.approvedFiled", minutes.approve(previous.meetingId())
                                            .name())), null));
                    approve.setId("minutes-approve-previous");
                    line.add(approve);
                }
                box.add(line);
                add(box);
            });
        }

        /** The open actions of earlier meetings; the minute writer records here what this meeting decided. */
        private void carriedOver() {
            Div box = new Div();
            box.addClassName("tafel-minutes-block");
            box.setId("minutes-carried-over");
            H4 title = new H4(getTranslation("minutes.carriedOver"));
            box.add(title);
            List<ActionView> open = actions.carriedInto(details.meetingId());
            if (open.isEmpty()) {
                Span none = new Span(getTranslation("minutes.noOpenActions"));
                none.addClassName("tafel-muted");
                box.add(none);
            }
            for (ActionView a : open) {
                Div line = new Div();
                line.addClassName("tafel-minutes-decision");
                Span number = new Span(a.number());
                number.addClassName("tafel-strong");
                Span text = new Span(a.description() + " — " + a.ownerNames() + (a.due() == null ? ""
                        : ", " + getTranslation("actions.dueOn", Formats.date(a.due(), getLocale()))));
                line.add(number, text);
                if (details.canWrite()) {
                    Select<ActionStatus> status = new Select<>();
                    status.setItems(ActionStatus.values());
                    status.setItemLabelGenerator(s -> getTranslation(s.translationKey()));
                    status.setValue(a.status());
                    status.setAriaLabel(getTranslation("actions.statusOf", a.number()));
                    status.addValueChangeListener(e -> {
                        if (e.isFromClient()) {
                            act(() -> actions.setStatus(a.id(), e.getValue(), a.version(), details.meetingId()));
                        }
                    });
                    line.add(status);
                } else {
                    Span status = new Span(getTranslation(a.status().translationKey()));
                    status.addClassName("tafel-badge");
                    line.add(status);
                }
                box.add(line);
            }
            add(box);
        }
    }

    /** The series' quorum rule, checked at "Opening" against the attendance list. */
    private Component quorum(nl.tafel.minutes.Quorum q) {
        Div box = new Div();
        box.addClassName("tafel-minutes-block");
        box.setId("minutes-quorum");
        if (q.rule() != null) {
            box.add(new Paragraph(getTranslation("minutes.quorum.rule", q.rule())));
        }
        Span count = new Span(getTranslation("minutes.quorum.count", q.present(), q.members())
                + (q.unknown() == 0 ? "" : " · " + getTranslation("minutes.quorum.unknown", q.unknown())));
        box.add(count);
        if (q.met() != null) {
            Span verdict = new Span(getTranslation(q.met() ? "minutes.quorum.met" : "minutes.quorum.notMet",
                    q.percent()));
            verdict.addClassNames("tafel-badge", q.met() ? "tafel-badge-success" : "tafel-badge-error");
            verdict.setId("minutes-quorum-verdict");
            box.add(verdict);
        }
        return box;
    }

    private boolean act(Runnable action) {
        boolean done = false;
        try {
            action.run();
            done = true;
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("actions.changedMeanwhile"));
        } catch (TafelException e) {
            Notifications.error(getTranslation(e.messageKey(), e.arguments()));
        } catch (AccessDeniedException e) {
            Notifications.error(getTranslation("minutes.error.notPlanner"));
        }
        reload();
        return done;
    }

    private void confirm(String title, String text, Runnable action, @Nullable String done) {
        nl.tafel.shared.ui.Confirm.open(title, text, title, false, () -> {
            if (act(action) && done != null) {
                Notifications.success(getTranslation(done));
            }
        });
    }

    @Override
    public String viewTitle() {
        return getTranslation("nav.meetings");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("minutes.title") + (details == null ? "" : " · " + details.title()) + " · "
                + getTranslation("app.name");
    }

}
