package nl.tafel.news.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import nl.tafel.news.NewsFilter;
import nl.tafel.news.NewsService;
import nl.tafel.news.PostSummary;
import nl.tafel.shared.ui.Formats;
import nl.tafel.spaces.SpaceSummary;
import org.jspecify.annotations.Nullable;

/**
 * The news timeline: pinned posts first, then newest first, with a choice of all news, association-wide news only,
 * or one space's. Shows a page at a time with "meer laden".
 */
class Timeline extends Div {

    /** A choice in the filter: all, association-wide, or one space. */
    record Choice(@Nullable SpaceSummary space, boolean association) {
        NewsFilter filter() {
            return space != null ? NewsFilter.space(space.id()) : association ? NewsFilter.association()
                    : NewsFilter.all();
        }
    }

    private final NewsService news;
    private final int pageSize;
    private final Select<Choice> filter = new Select<>();
    private final Div list = new Div();
    private final Button more = new Button();
    private int shown;

    Timeline(NewsService news, List<SpaceSummary> spaces, int pageSize) {
        this.news = news;
        this.pageSize = pageSize;
        addClassName("news-timeline");
        setWidthFull();
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(null, false));
        choices.add(new Choice(null, true));
        spaces.forEach(s -> choices.add(new Choice(s, false)));
        filter.setItems(choices);
        filter.setItemLabelGenerator(c -> c.space() != null ? c.space().name()
                : c.association() ? getTranslation("news.filter.association") : getTranslation("news.filter.all"));
        filter.setValue(choices.getFirst());
        filter.setLabel(getTranslation("news.filter"));
        filter.setId("news-filter");
        filter.setWidth("min(22rem, 100%)");
        filter.addValueChangeListener(e -> reload());
        list.setId("news-timeline");
        list.addClassName("news-list");
        more.setText(getTranslation("news.more"));
        more.setId("news-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> load());
        add(filter, list, more);
        reload();
    }

    private void reload() {
        list.removeAll();
        shown = 0;
        load();
    }

    private void load() {
        List<PostSummary> page = news.timeline(filter.getValue().filter(), shown, pageSize + 1);
        boolean hasMore = page.size() > pageSize;
        page.stream().limit(pageSize).forEach(p -> list.add(card(p)));
        shown += Math.min(page.size(), pageSize);
        more.setVisible(hasMore);
        if (shown == 0) {
            Paragraph none = new Paragraph(getTranslation("news.none"));
            none.addClassName("tafel-muted");
            none.setId("news-none");
            list.add(none);
        }
    }

    private Div card(PostSummary p) {
        Div card = new Div();
        card.addClassNames("tafel-card", "news-card");
        card.setId("news-" + p.id());
        Div badges = new Div();
        badges.addClassName("news-badges");
        if (p.pinned()) {
            badges.add(badge(getTranslation("news.pinned"), "tafel-badge-contrast"));
        }
        if (p.scheduled()) {
            badges.add(badge(getTranslation("news.scheduledFor", Formats.dateTime(p.publishAt(), getLocale())),
                    "tafel-badge-muted"));
        }
        badges.add(badge(p.spaceName() != null ? p.spaceName() : getTranslation("news.association"), null));
        if (p.event() != null) {
            badges.add(badge(getTranslation("news.eventBadge"), null));
        }
        card.add(badges);
        if (p.imageUrl() != null) {
            Image image = new Image(p.imageUrl(), "");
            image.addClassName("news-card-image");
            card.add(image);
        }
        H3 title = new H3(new Anchor("nieuws/" + p.id(), p.title()));
        card.add(title);
        Paragraph meta = new Paragraph(getTranslation("news.byline", p.authorName(),
                Formats.dateTime(p.publishAt(), getLocale())));
        meta.addClassName("tafel-muted");
        card.add(meta);
        card.add(new Paragraph(p.excerpt()));
        if (p.event() != null) {
            Div event = new Div(new Span(EventTexts.when(this, p.event())
                    + (p.event().location() == null ? "" : " · " + p.event().location()) + " "),
                    EventTexts.state(this, p.event()));
            event.addClassName("news-event-line");
            card.add(event);
        }
        if (p.comments() > 0) {
            Span comments = new Span(getTranslation("news.commentCount", p.comments()));
            comments.addClassName("tafel-muted");
            card.add(comments);
        }
        return card;
    }

    private static Span badge(String text, @Nullable String variant) {
        Span s = new Span(text);
        s.addClassName("tafel-badge");
        if (variant != null) {
            s.addClassName(variant);
        }
        return s;
    }
}
