package nl.tafel.spaces.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import nl.tafel.shared.ui.OverviewSection;
import nl.tafel.spaces.SpaceService;
import nl.tafel.spaces.SpaceSummary;

/** "My spaces" on the start page, with what changed in each since the last visit. */
@org.springframework.stereotype.Component
class SpacesOverviewSection implements OverviewSection {

    private final SpaceService spaces;

    SpacesOverviewSection(SpaceService spaces) {
        this.spaces = spaces;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create() {
        Div section = new Div();
        section.setWidthFull();
        List<SpaceSummary> mine = spaces.mySpaces().stream().filter(s -> !s.archived()).toList();
        if (mine.isEmpty()) {
            return section;
        }
        section.add(new H2(section.getTranslation("overview.mySpaces")), new SpaceCards(mine));
        return section;
    }
}
