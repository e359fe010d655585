package nl.tafel.shared;

import java.util.Locale;

/**
 * What every module may know about the signed-in person. The security module's user details implement it.
 */
public interface TafelPrincipal {

    PersonId personId();

    String email();

    String displayName();

    Locale locale();
}
