package nl.tafel.invitations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import nl.tafel.invitations.CalendarFeedService;
import nl.tafel.shared.ui.MainLayout;
import nl.tafel.shared.ui.Notifications;
import nl.tafel.shared.ui.ViewHeader;

/** The person's secret calendar address: copy it into Outlook, Google or Apple Calendar; replace it when leaked. */
@Route("vergaderingen/agenda-koppeling")
@PermitAll
class CalendarFeedView extends VerticalLayout implements HasDynamicTitle, MainLayout.HasViewTitle {

    private final CalendarFeedService feeds;
    private final TextField address = new TextField();
    private final Anchor subscribe = new Anchor();

    CalendarFeedView(CalendarFeedService feeds) {
        this.feeds = feeds;
        addClassName("tafel-view");
        setPadding(false);
        add(new ViewHeader(getTranslation("feed.title"), getTranslation("feed.intro")));
        address.setLabel(getTranslation("feed.address"));
        address.setReadOnly(true);
        address.setWidthFull();
        address.setId("feed-address");
        address.setHelperText(getTranslation("feed.help"));
        subscribe.setText(getTranslation("feed.subscribe"));
        subscribe.setId("feed-subscribe");
        Button renew = new Button(getTranslation("feed.regenerate"), VaadinIcon.REFRESH.create(), e -> confirm());
        renew.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        renew.setId("feed-regenerate");
        Div box = new Div(address, new Paragraph(subscribe), renew);
        box.addClassNames("tafel-card");
        add(box);
        show(feeds.myFeedUrl());
    }

    private void show(String url) {
        address.setValue(url);
        // webcal:// is what calendar apps register for; the address is Tafel's own, made of a base64url token
        subscribe.setUnsafeHref(url.replaceFirst("^https?://", "webcal://"));
    }

    private void confirm() {
        nl.tafel.shared.ui.Confirm.open("feed.regenerate", "feed.regenerate.confirm", "feed.regenerate", true, () -> {
            show(feeds.regenerate());
            Notifications.success(getTranslation("feed.regenerated"));
        });
    }

    @Override
    public String viewTitle() {
        return getTranslation("nav.meetings");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("feed.title") + " · " + getTranslation("app.name");
    }
}
