/**
 * The action list views; {@link nl.tafel.actions.ui.ActionDialog} is offered to the minutes editor, which agrees
 * actions under agenda items.
 */
@NamedInterface("ui")
@NullMarked
package nl.tafel.actions.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
