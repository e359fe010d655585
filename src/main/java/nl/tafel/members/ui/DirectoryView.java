package nl.tafel.members.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import nl.tafel.members.DirectoryCard;
import nl.tafel.members.DirectoryService;
import nl.tafel.shared.ui.ViewHeader;

/** The member directory: a search field and a card per person; the cards wrap to the width (phone, tablet, desk). */
@Route("ledengids")
@PermitAll
@Menu(order = 40, title = "directory.nav", icon = "vaadin:book")
class DirectoryView extends VerticalLayout implements HasDynamicTitle {

    private final DirectoryService directory;
    private final TextField search = new TextField();
    private final Div cards = new Div();
    private final Paragraph note = new Paragraph();

    DirectoryView(DirectoryService directory) {
        this.directory = directory;
        addClassName("tafel-view");
        add(new ViewHeader(getTranslation("directory.title"), getTranslation("directory.description")));
        search.setId("directory-search");
        search.setAriaLabel(getTranslation("directory.search"));
        search.setPlaceholder(getTranslation("directory.searchPlaceholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.setWidthFull();
        search.addClassName("tafel-narrow");
        search.addValueChangeListener(e -> refresh());
        cards.addClassName("tafel-cards");
        cards.setId("directory-cards");
        note.addClassName("tafel-muted");
        note.setId("directory-note");
        add(search, cards, note);
        refresh();
    }

    private void refresh() {
        List<DirectoryCard> found = directory.search(search.getValue());
        cards.removeAll();
        found.forEach(c -> cards.add(DirectoryCards.card(c)));
        note.setText(found.isEmpty() ? getTranslation("directory.none")
                : found.size() >= DirectoryService.MAX_RESULTS ? getTranslation("directory.more") : "");
        note.setVisible(!note.getText().isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.title") + " · " + getTranslation("app.name");
    }
}
