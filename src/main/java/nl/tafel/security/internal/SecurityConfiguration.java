package nl.tafel.security.internal;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import nl.tafel.security.SignInLinks;
import nl.tafel.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.security.web.session.HttpSessionEventPublisher;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity // services use @PreAuthorize; JSR-250 annotations are for views only (see ViewAccessTest)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when sessions end, so it does not grow for ever. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    JdbcOneTimeTokenService oneTimeTokenService(JdbcTemplate jdbc, Clock clock) {
        JdbcOneTimeTokenService service = new JdbcOneTimeTokenService(jdbc);
        service.setClock(clock);
        return service;
    }

    @Bean
    AuthenticationProvider throttledAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
            SignInThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        // Account status after the password check: a deactivated account costs the same time as any other.
        dao.setPreAuthenticationChecks(user -> {
        });
        dao.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return new ThrottledAuthenticationProvider(dao, throttle);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry,
            JdbcOneTimeTokenService tokens, @Lazy SignInLinks links) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/styles/**", "/images/**").permitAll()
                // pdf.js and Tafel's own viewer script: public libraries, no data (the documents are checked per request)
                .requestMatchers("/pdfjs/**", "/scripts/**").permitAll()
                // personal calendar feeds: the secret in the address is the credential
                .requestMatchers("/agenda-feed/**").permitAll());
        // Unknown addresses: signed-in people get Tafel's translated "page not found", others the sign-in page.
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        http.formLogin(form -> form.failureHandler(passwordFailure()));
        // Tafel shows its own documents (PDFs, pictures) in frames on its own pages; no other site may frame it.
        http.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        http.oneTimeTokenLogin(ott -> ott
                .tokenService(tokens)
                .showDefaultSubmitPage(false)
                .loginPage("/login")
                // explicit: setting the login page would otherwise make POST /login the processing URL
                .loginProcessingUrl("/login/ott")
                .tokenGenerationSuccessHandler(linkRequested(links))
                .authenticationSuccessHandler(linkSignedIn())
                .authenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler("/login?link-invalid")));
        http.sessionManagement(sessions -> sessions
                .maximumSessions(-1)
                .sessionRegistry(sessionRegistry)
                .expiredUrl("/login?expired"));
        return http.build();
    }

    /** A wrong password and an unknown e-mail look the same; a lock says so. */
    private static AuthenticationFailureHandler passwordFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String target = e instanceof LockedException ? "/login?locked" : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /** POST /ott/generate behaves as "forgot password": a link goes out only for a known account. */
    private static OneTimeTokenGenerationSuccessHandler linkRequested(SignInLinks links) {
        return (request, response, token) -> {
            links.discard(token.getTokenValue());
            links.requestPasswordReset(token.getUsername());
            response.sendRedirect(request.getContextPath() + "/login?link-sent");
        };
    }

    /** Signed in through a link: choose a password, unless the account was deactivated meanwhile. */
    private static AuthenticationSuccessHandler linkSignedIn() {
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof UserDetails user && !user.isEnabled()) {
                new SecurityContextLogoutHandler().logout(request, response, authentication);
                redirect(request, response, "/login?link-invalid");
                return;
            }
            redirect(request, response, "/wachtwoord-instellen");
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        response.sendRedirect(request.getContextPath() + path);
    }
}
