/**
 * Members: people, organisations (koepels), groups, application roles, account lifecycle and profile.
 */
@ApplicationModule(displayName = "Members")
@NullMarked
package nl.tafel.members;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
