package nl.tafel;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every route says who may open it; only the sign-in pages are open to everyone. */
class ViewAccessTest {

    /** The sign-in pages, and the pages behind signed mail links (answering an invitation, reporting on actions). */
    private static final Set<String> PUBLIC_ROUTES = Set.of("LoginView", "LinkSignInView", "FirstAdministratorView",
            "RsvpView", "ActionStatusView", "UnsubscribeView");

    @Test
    void everyViewDeclaresItsAccess() throws Exception {
        List<Class<?>> views = routes();
        assertThat(views).hasSizeGreaterThanOrEqualTo(9);
        for (Class<?> view : views) {
            long declarations = Set.of(RolesAllowed.class, PermitAll.class, AnonymousAllowed.class, DenyAll.class)
                    .stream().filter(view::isAnnotationPresent).count();
            assertThat(declarations).as("access annotations on %s", view.getSimpleName()).isEqualTo(1);
        }
    }

    @Test
    void onlyTheSignInPagesAreAnonymous() throws Exception {
        Set<String> anonymous = routes().stream().filter(v -> v.isAnnotationPresent(AnonymousAllowed.class))
                .map(Class::getSimpleName).collect(Collectors.toSet());
        assertThat(anonymous).isEqualTo(PUBLIC_ROUTES);
    }

    /**
     * Services are guarded with {@code @PreAuthorize}. JSR-250 method security is off (it would proxy every view), so
     * {@code @RolesAllowed} on a service would guard nothing: none may carry it.
     */
    @Test
    void servicesDoNotRelyOnViewAnnotations() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        int checked = 0;
        for (BeanDefinition candidate : scanner.findCandidateComponents("nl.tafel")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isAnnotationPresent(Route.class) || type.getName().contains(".ui.")) {
                continue;
            }
            checked++;
            assertThat(type.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(PermitAll.class))
                    .as("JSR-250 annotation on %s", type.getName()).isFalse();
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                assertThat(method.isAnnotationPresent(RolesAllowed.class)
                        || method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(DenyAll.class))
                        .as("JSR-250 annotation on %s.%s", type.getName(), method.getName()).isFalse();
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    private static List<Class<?>> routes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<?>> found = new java.util.ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("nl.tafel")) {
            found.add(Class.forName(candidate.getBeanClassName()));
        }
        return found;
    }
}
