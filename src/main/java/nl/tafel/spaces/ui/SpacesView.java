package nl.tafel.spaces.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;
import nl.tafel.shared.ui.ViewHeader;

/** The spaces a person is in (all of them for administrators); secretaries and administrators create new ones. */
@Route("ruimtes")
@PermitAll
@Menu(order = 10, title = "nav.spaces", icon = "vaadin:folder-open")
class SpacesView extends VerticalLayout implements HasDynamicTitle {

    SpacesView(SpaceService spaces) {
        addClassName("tafel-view");
        Button create = new Button(getTranslation("spaces.create"), VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("create-space");
        create.setVisible(spaces.maySetUpSpaces());
        create.addClickListener(e -> new SpaceDialog(spaces, null).open());
        add(new ViewHeader(getTranslation("nav.spaces"), getTranslation("spaces.intro"), create));
        List<SpaceSummary> mine = spaces.mySpaces();
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("spaces.none")));
        } else {
            add(new SpaceCards(mine));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.spaces") + " · " + getTranslation("app.name");
    }
}
