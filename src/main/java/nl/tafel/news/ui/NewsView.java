package nl.tafel.news.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nl.tafel.news.NewsService;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.ViewHeader;
import nl.tafel.spaces.SpaceService;

/** All news the person may see, a page at a time; writers start a new post here. */
@Route("nieuws")
@PermitAll
@Menu(order = 5, title = "news.nav", icon = "vaadin:newspaper")
class NewsView extends VerticalLayout implements HasDynamicTitle, MainLayout.HasViewTitle {

    NewsView(NewsService news, SpaceService spaces) {
        addClassName("tafel-view");
        setPadding(false);
        Button write = new Button(getTranslation("news.write"), VaadinIcon.PLUS.create(),
                e -> UI.getCurrent().navigate("nieuws/schrijven"));
        write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        write.setId("news-write");
        write.setVisible(news.mayPost());
        add(new ViewHeader(getTranslation("news.title"), getTranslation("news.intro"), write));
        add(new Timeline(news, spaces.mySpaces(), 20));
    }

    @Override
    public String viewTitle() {
        return getTranslation("news.title");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("news.title") + " · " + getTranslation("app.name");
    }
}
