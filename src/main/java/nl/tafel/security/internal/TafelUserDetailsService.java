package nl.tafel.security.internal;

import java.util.UUID;
import nl.tafel.members.AccountDirectory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Loads accounts from the members module. An account without a password gets a hash nothing matches. */
@Component
class TafelUserDetailsService implements UserDetailsService {

    private final AccountDirectory accounts;
    private final String unusableHash;

    TafelUserDetailsService(AccountDirectory accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.unusableHash = encoder.encode(UUID.randomUUID().toString());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByEmail(username)
                .map(account -> new TafelUser(account, unusableHash))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
