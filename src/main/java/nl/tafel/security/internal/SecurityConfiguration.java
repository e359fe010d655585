package nl.tafel.security.internal;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import nl.tafel.security.SignInLinks;
import nl.tafel.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity // services use @PreAuthorize; JSR-250 annotations are for views only (see ViewAccessTest)
class SecurityConfiguration {

    /**
     * The content security policy of Tafel's pages (ADR 0021). Vaadin needs {@code 'unsafe-inline'} and
     * {@code 'unsafe-eval'} for scripts (the bootstrap page starts its client engine inline; the engine builds
     * functions from the expressions the server sends) and {@code 'unsafe-inline'} for styles (components set style
     * attributes). pdf.js needs a worker from Tafel's own files and {@code blob:} images; nothing comes from another
     * site, nothing may frame Tafel but Tafel, forms post only to Tafel, and plugins are off.
     */
    static final String PAGE_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "worker-src 'self' blob:; "
            + "frame-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'self'";

    /** Tafel uses none of these browser features; fullscreen only for itself. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), "
            + "display-capture=(), fullscreen=(self)";

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
            JdbcOneTimeTokenService tokens, @Lazy SignInLinks links, RequestUtil vaadinRequests,
            @Value("${tafel.base-url:}") String baseUrl) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/styles/**", "/images/**").permitAll()
                // pdf.js and Tafel's own viewer script: public libraries, no data (the documents are checked per request)
                .requestMatchers("/pdfjs/**", "/scripts/**").permitAll()
                // personal calendar feeds: the secret in the address is the credential
                .requestMatchers("/agenda-feed/**").permitAll());
        // Unknown addresses: signed-in people get Tafel's translated "page not found", others the sign-in page.
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                // Vaadin would exempt POST /login from the CSRF check: sign-in CSRF (issue 18). Tafel configures it.
                .enableCsrfConfiguration(false)
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        // Vaadin's own requests carry Vaadin's CSRF token; every other post (the sign-in form included) Spring's.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.addFilterBefore(new SameOriginFilter(baseUrl), CsrfFilter.class);
        http.formLogin(form -> form.failureHandler(passwordFailure()));
        http.headers(headers -> headers
                // Tafel shows its own documents (pictures) in frames on its own pages; no other site may frame it.
                .frameOptions(frame -> frame.sameOrigin())
                // Pages: see ADR 0021 for each exception Vaadin needs. File responses set their own, stricter one.
                .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                // only sent over https (directly or from a trusted proxy): a year, with subdomains
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
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
