package nl.tafel.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Locale;
import nl.tafel.shared.CurrentUser;
import nl.tafel.shared.LanguagePreference;
import nl.tafel.shared.TafelPrincipal;
import nl.tafel.shared.i18n.TafelI18NProvider;

/**
 * The frame around every signed-in view: the navigation (only views the person may open), the user menu and the
 * language switch. Menu titles in {@code @Menu} are translation keys.
 */
@Layout
@AnonymousAllowed // access is decided per view; this lets the anonymous error pages use the frame too
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final AuthenticationContext authenticationContext;
    private final LanguagePreference languagePreference;
    private final SideNav nav = new SideNav();
    private final java.util.List<MenuEntry> menu;
    private final Span viewTitle = new Span();

    public MainLayout(AuthenticationContext authenticationContext, LanguagePreference languagePreference,
            java.util.List<NavbarItem> navbarItems) {
        this.authenticationContext = authenticationContext;
        this.languagePreference = languagePreference;
        setPrimarySection(Section.DRAWER);
        addClassName("tafel-layout");

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        viewTitle.addClassName("tafel-view-title");
        addToNavbar(toggle, viewTitle);
        if (CurrentUser.get().isPresent()) {
            navbarItems.forEach(item -> addToNavbar(item.create()));
        }

        Div brand = new Div();
        brand.addClassName("tafel-brand");
        Anchor home = new Anchor("", getTranslation("app.name"));
        home.addClassName("tafel-brand-name");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("tafel-brand-tagline");
        brand.add(home, tagline);

        menu = MenuConfiguration.getMenuEntries();
        for (MenuEntry entry : menu) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            item.setMatchNested(true);
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        nav.addClassName("tafel-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("layout.navigation"));
        Scroller scroller = new Scroller(nav);
        scroller.addClassName("tafel-nav-scroller");
        addToDrawer(brand, scroller, userMenu());
    }

    private Component userMenu() {
        Div footer = new Div();
        footer.addClassName("tafel-user");
        TafelPrincipal me = CurrentUser.get().orElse(null);
        if (me == null) {
            return footer;
        }
        MenuBar bar = new MenuBar();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        bar.setId("user-menu");
        Avatar avatar = new Avatar(me.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        Div label = new Div(avatar, new Span(me.displayName()));
        label.addClassName("tafel-user-label");
        MenuItem root = bar.addItem(label);
        SubMenu sub = root.getSubMenu();
        sub.addItem(getTranslation("layout.profile"), e -> UI.getCurrent().navigate("profiel"));
        Locale other = isDutch() ? TafelI18NProvider.ENGLISH : TafelI18NProvider.DUTCH;
        MenuItem language = sub.addItem(getTranslation("layout.switchLanguage"), e -> switchTo(other));
        language.setId("switch-language");
        sub.addItem(getTranslation("layout.signOut"), e -> authenticationContext.logout()).setId("sign-out");
        footer.add(bar);
        return footer;
    }

    private boolean isDutch() {
        return TafelI18NProvider.supported(getLocale()).equals(TafelI18NProvider.DUTCH);
    }

    private void switchTo(Locale locale) {
        languagePreference.remember(locale);
        Languages.choose(locale);
        UI.getCurrent().getPage().reload();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String current = "";
        for (MenuEntry entry : menu) {
            if (entry.menuClass() != null && entry.menuClass().isInstance(getContent())) {
                current = getTranslation(entry.title());
            }
        }
        if (getContent() instanceof HasViewTitle titled) {
            current = titled.viewTitle();
        }
        viewTitle.setText(current);
    }

    /** A view that names itself in the top bar (otherwise its menu title is used). */
    public interface HasViewTitle {
        String viewTitle();
    }
}
