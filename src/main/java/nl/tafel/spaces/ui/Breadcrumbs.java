package nl.tafel.spaces.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import nl.tafel.spaces.FolderDetails;

/** The way to a folder: the space, then each folder; the last is a link when it is not the page itself. */
final class Breadcrumbs extends Nav {

    Breadcrumbs(FolderDetails folder, boolean folderIsThisPage) {
        addClassName("tafel-breadcrumbs");
        getElement().setAttribute("aria-label", getTranslation("folders.path"));
        UnorderedList list = new UnorderedList();
        var space = folder.space();
        list.add(new ListItem(new Anchor(SpaceView.path(space.id(), null), space.name())));
        for (FolderDetails.Crumb crumb : folder.path()) {
            if (!crumb.name().isEmpty()) {
                list.add(new ListItem(new Anchor(SpaceView.path(space.id(), crumb.id()), crumb.name())));
            }
        }
        if (!folder.root()) {
            if (folderIsThisPage) {
                Span current = new Span(folder.name());
                current.getElement().setAttribute("aria-current", "page");
                list.add(new ListItem(current));
            } else {
                list.add(new ListItem(new Anchor(SpaceView.path(space.id(), folder.id()), folder.name())));
            }
        }
        add(list);
    }
}
