package nl.tafel.spaces;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part another module adds to a space's page, such as the SharePoint sync status. Implementations are Spring beans;
 * the space page shows their components above its folder listing. They check access in their own services.
 */
public interface SpacePageSection {

    Optional<Component> create(SpaceDetails space);
}
