package nl.tafel.security.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import nl.tafel.members.Account;
import nl.tafel.members.PersonStatus;
import nl.tafel.shared.PersonId;
import nl.tafel.shared.TafelPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as Spring Security keeps them. Equal by e-mail, as the session registry needs. */
public final class TafelUser implements UserDetails, CredentialsContainer, TafelPrincipal {

    private final PersonId personId;
    private final String email;
    private final String displayName;
    private final Locale locale;
    private final List<GrantedAuthority> authorities;
    private final boolean enabled;
    private @Nullable String passwordHash;

    TafelUser(Account account, String unusableHash) {
        this.personId = account.id();
        this.email = account.email();
        this.displayName = account.displayName();
        this.locale = account.locale();
        this.authorities = List.of(new SimpleGrantedAuthority(account.role().authority()));
        this.enabled = account.status() != PersonStatus.DEACTIVATED;
        this.passwordHash = account.passwordHash() == null ? unusableHash : account.passwordHash();
    }

    @Override
    public PersonId personId() {
        return personId;
    }

    @Override
    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TafelUser other && email.equals(other.email);
    }

    @Override
    public int hashCode() {
        return email.hashCode();
    }

    @Override
    public String toString() {
        return "TafelUser[" + email + "]";
    }
}
