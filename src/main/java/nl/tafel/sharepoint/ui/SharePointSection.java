package nl.tafel.sharepoint.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.TafelException;
import nl.tafel.shared.ui.Formats;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.sharepoint.SharePointService;
import nl.tafel.sharepoint.SyncConflict;
import nl.tafel.sharepoint.SyncStatus;
import nl.tafel.spaces.DocumentId;
import nl.tafel.spaces.SpaceDetails;
import nl.tafel.spaces.SpaceId;
import nl.tafel.spaces.SpacePageSection;

/**
 * On a space's page, for its managers: where the space syncs with SharePoint and how that stands, its problems and
 * conflicts, and "Nu synchroniseren". Readers and contributors see nothing of it.
 */
@org.springframework.stereotype.Component
class SharePointSection implements SpacePageSection {

    static final String ADMIN_PAGE = "beheer/sharepoint";

    private final SharePointService sharePoint;

    SharePointSection(SharePointService sharePoint) {
        this.sharePoint = sharePoint;
    }

    @Override
    public Optional<Component> create(SpaceDetails space) {
        if (!space.canManage()) {
            return Optional.empty();
        }
        Optional<SyncStatus> status = sharePoint.status(space.id());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        boolean admin = CurrentUser.hasAnyRole("ADMINISTRATOR");
        if (!status.get().linked()) {
            return admin || status.get().state() == SyncStatus.State.NOT_LINKED
                    ? Optional.of(notLinked(status.get(), admin)) : Optional.empty();
        }
        Div box = new Div();
        box.addClassNames("tafel-pack", "tafel-sharepoint");
        box.setId("space-sharepoint");
        fill(box, space.id(), status.get());
        return Optional.of(box);
    }

    /** One quiet line: this space does not sync; administrators get the way to link it. */
    private static Component notLinked(SyncStatus status, boolean admin) {
        Div line = new Div();
        line.addClassNames("tafel-muted", "tafel-sharepoint-line");
        line.setId("space-sharepoint");
        line.add(new Span(line.getTranslation(status.state() == SyncStatus.State.NOT_CONFIGURED
                ? "sharepoint.section.notConfigured" : "sharepoint.section.notLinked")));
        if (admin) {
            Anchor link = new Anchor(ADMIN_PAGE, line.getTranslation("sharepoint.section.toAdmin"));
            link.setId("space-sharepoint-admin");
            line.add(new Span(" "), link);
        }
        return line;
    }

    private void fill(Div box, SpaceId space, SyncStatus s) {
        box.removeAll();
        Div head = new Div();
        head.addClassName("tafel-sharepoint-head");
        Span title = new Span(box.getTranslation("sharepoint.title"));
        title.addClassName("tafel-pack-title");
        head.add(title, SharePointTexts.badge(box, s.state()));
        Button syncNow = new Button(box.getTranslation("sharepoint.syncNow"), VaadinIcon.REFRESH.create(), e -> {
            try {
                sharePoint.syncNow(space).ifPresentOrElse(
                        until -> Notifications.warning(box.getTranslation("sharepoint.syncWaits",
                                SharePointTexts.time(until, locale()), s.pending())),
                        () -> Notifications.success(box.getTranslation("sharepoint.syncStarted")));
            } catch (TafelException ex) {
                Notifications.error(box.getTranslation(ex.messageKey(), ex.arguments()));
            }
            refresh(box, space);
        });
        syncNow.setId("sharepoint-sync-now");
        syncNow.addThemeVariants(ButtonVariant.SMALL);
        // without credentials, or stopped by the guard, a pass would do nothing: an administrator acts first
        syncNow.setVisible(s.state() != SyncStatus.State.NOT_CONFIGURED && s.state() != SyncStatus.State.STOPPED);
        head.add(syncNow);
        box.add(head);

        Div facts = new Div();
        facts.addClassName("tafel-sharepoint-facts");
        facts.add(line(box.getTranslation("sharepoint.place", SharePointTexts.place(s)), "sharepoint-place"));
        String when = s.lastSuccess() == null ? box.getTranslation("sharepoint.lastSync.never")
                : box.getTranslation("sharepoint.lastSync", Formats.dateTime(s.lastSuccess(), locale()));
        facts.add(line(when, "sharepoint-last-sync"));
        if (s.pending() > 0) {
            facts.add(line(box.getTranslation("sharepoint.pending", s.pending()), "sharepoint-pending"));
        }
        if (s.waitingUntil() != null) {
            Div throttled = warning(box.getTranslation("sharepoint.throttled",
                    SharePointTexts.time(s.waitingUntil(), locale())));
            throttled.setId("sharepoint-throttled");
            facts.add(throttled);
        }
        if (s.state() == SyncStatus.State.STOPPED) {
            facts.add(error(box.getTranslation("sharepoint.stopped", SharePointTexts.stopReason(box, s.stopReason())),
                    "sharepoint-stop-reason"));
            if (CurrentUser.hasAnyRole("ADMINISTRATOR")) {
                Anchor resume = new Anchor(ADMIN_PAGE, box.getTranslation("sharepoint.section.toResume"));
                resume.setId("space-sharepoint-resume");
                facts.add(new Div(resume));
            }
        } else if (s.lastError() != null) {
            facts.add(error(box.getTranslation("sharepoint.lastError",
                    Formats.dateTime(s.lastErrorAt(), locale()), SharePointTexts.lastError(box, s.lastError())),
                    "sharepoint-last-error"));
        }
        box.add(facts);

        if (!s.problems().isEmpty()) {
            Div problems = new Div(new Span(box.getTranslation("sharepoint.problems", s.problems().size())));
            problems.addClassName("tafel-sharepoint-list");
            problems.setId("sharepoint-problems");
            UnorderedList list = new UnorderedList();
            for (SyncStatus.Problem p : s.problems()) {
                Span name = new Span(p.name());
                name.addClassName("tafel-strong");
                list.add(new ListItem(name,
                        new Span(SharePointTexts.reason(box, p.reason(), p.arguments(), p.name()))));
            }
            problems.add(list);
            box.add(problems);
        }

        if (s.conflicts() > 0) {
            List<SyncConflict> conflicts = sharePoint.conflicts(space);
            Div block = new Div(new Span(box.getTranslation("sharepoint.conflicts.intro", conflicts.size())));
            block.addClassName("tafel-sharepoint-list");
            block.setId("sharepoint-conflicts");
            UnorderedList list = new UnorderedList();
            for (SyncConflict c : conflicts) {
                list.add(conflict(box, space, c));
            }
            block.add(list);
            box.add(block);
        }
    }

    private ListItem conflict(Div box, SpaceId space, SyncConflict c) {
        ListItem item = new ListItem();
        item.addClassName("tafel-sharepoint-conflict");
        item.add(document(c.document(), c.name()));
        if (c.copy() != null) {
            item.add(new Span(" " + box.getTranslation("sharepoint.conflict.and") + " "),
                    document(c.copy(), c.copyName() == null ? c.name() : c.copyName()));
        }
        Span kept = new Span(box.getTranslation("sharepoint.conflict.kept", box.getTranslation(
                SharePointTexts.keptKey(c.kept())), Formats.dateTime(c.at(), locale())));
        kept.addClassName("tafel-muted");
        Button resolved = new Button(box.getTranslation("sharepoint.conflict.resolved"), VaadinIcon.CHECK.create(),
                e -> {
                    try {
                        sharePoint.resolveConflict(space, c.id());
                        Notifications.success(box.getTranslation("sharepoint.conflict.resolvedDone", c.name()));
                    } catch (TafelException ex) {
                        Notifications.error(box.getTranslation(ex.messageKey(), ex.arguments()));
                    }
                    refresh(box, space);
                });
        resolved.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        resolved.setId("sharepoint-resolve-" + c.id());
        item.add(new Span(" "), kept, resolved);
        return item;
    }

    private void refresh(Div box, SpaceId space) {
        sharePoint.status(space).filter(SyncStatus::linked).ifPresentOrElse(s -> fill(box, space, s),
                () -> box.setVisible(false));
    }

    private static java.util.Locale locale() {
        return com.vaadin.flow.component.UI.getCurrent().getLocale();
    }

    private static Anchor document(DocumentId id, String name) {
        Anchor a = new Anchor("documenten/" + id, name);
        a.addClassName("tafel-sharepoint-document");
        return a;
    }

    private static Div line(String text, String id) {
        Div d = new Div(new Span(text));
        d.setId(id);
        return d;
    }

    private static Div warning(String text) {
        Div d = new Div(new Span(text));
        d.addClassName("tafel-sharepoint-warning");
        d.setId("sharepoint-throttled");
        return d;
    }

    private static Div error(String text, String id) {
        Div d = new Div(new Span(text));
        d.addClassName("tafel-error-text");
        d.setId(id);
        return d;
    }
}
