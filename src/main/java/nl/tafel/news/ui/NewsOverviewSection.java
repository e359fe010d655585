package nl.tafel.news.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import nl.tafel.news.NewsService;
import nl.tafel.shared.ui.OverviewSection;
import nl.tafel.spaces.SpaceService;

/** "Nieuws" on the start page: the person's timeline, filterable by space, with a link to write and to all news. */
@org.springframework.stereotype.Component
class NewsOverviewSection implements OverviewSection {

    static final int SHOWN = 5;

    private final NewsService news;
    private final SpaceService spaces;

    NewsOverviewSection(NewsService news, SpaceService spaces) {
        this.news = news;
        this.spaces = spaces;
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public Component create() {
        Div section = new Div();
        section.setWidthFull();
        section.setId("overview-news");
        H2 title = new H2(section.getTranslation("news.title"));
        Div links = new Div(new Anchor("nieuws", section.getTranslation("news.all")));
        if (news.mayPost()) {
            Anchor write = new Anchor("nieuws/schrijven", section.getTranslation("news.write"));
            write.setId("overview-news-write");
            links.add(write);
        }
        links.addClassName("tafel-link-list");
        section.add(title, new Timeline(news, spaces.mySpaces(), SHOWN), links);
        return section;
    }
}
