package nl.tafel.members.internal;

import java.util.Locale;
import nl.tafel.members.AccountDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On a database without people, {@code TAFEL_ADMIN_EMAIL} and {@code TAFEL_ADMIN_PASSWORD} create the first
 * administrator, before the web server accepts any request (so no visitor can claim the account first). Without them,
 * the first visitor is asked to create one.
 */
@Component
class AdministratorFromEnvironment implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdministratorFromEnvironment.class);

    private final AccountDirectory accounts;
    private final String email;
    private final String password;

    AdministratorFromEnvironment(AccountDirectory accounts, @Value("${tafel.admin.email:}") String email,
            @Value("${tafel.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (email.isBlank() || password.isBlank() || !accounts.isEmpty()) {
            return;
        }
        accounts.createFirstAdministrator("Beheerder", email, password, Locale.of("nl"));
        log.info("First administrator {} created from TAFEL_ADMIN_EMAIL", email);
    }
}
