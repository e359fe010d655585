package nl.tafel.shared.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import java.util.ArrayList;
import java.util.List;

/**
 * A PDF read in the browser with pdf.js (static files, see {@code /scripts/tafel-pdf-viewer.mjs}): pages in a
 * scrolling column fitted to the width, page and zoom buttons above it, pinch to zoom on a tablet. It tells its
 * listeners which page is in view. When the document cannot be shown it offers the download instead. pdf.js runs no
 * script of the document (ADR 0021): documents are only drawn, never given to the browser's own PDF viewer.
 */
@com.vaadin.flow.component.dependency.StyleSheet("styles/review.css") // the viewer's styles live with review's
public class PdfViewer extends Div {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfViewer.class);

    private final String url;
    private final String downloadUrl;
    private final String fileName;
    private final Div toolbar = new Div();
    private final Div pages = new Div();
    private final Span position = new Span();
    private final Span zoomLevel = new Span("100%");
    private final List<SerializableBiConsumer<Integer, Integer>> pageListeners = new ArrayList<>();
    private final List<SerializableRunnable> failureListeners = new ArrayList<>();
    private int page;
    private int pageCount;
    private boolean failed;

    public PdfViewer(String url, String downloadUrl, String fileName) {
        this.url = url;
        this.downloadUrl = downloadUrl;
        this.fileName = fileName;
        addClassName("tafel-pdf");
        setId("pdf-viewer");
        toolbar.addClassName("tafel-pdf-toolbar");
        Button previous = tool(VaadinIcon.ANGLE_UP, "review.viewer.previousPage", "pdf-previous-page",
                "previous()");
        Button next = tool(VaadinIcon.ANGLE_DOWN, "review.viewer.nextPage", "pdf-next-page", "next()");
        position.setId("pdf-position");
        position.addClassName("tafel-pdf-position");
        position.setText(getTranslation("review.viewer.loading"));
        Button zoomOut = zoom(VaadinIcon.MINUS, "review.viewer.zoomOut", "pdf-zoom-out", "zoomOut()");
        Button zoomIn = zoom(VaadinIcon.PLUS, "review.viewer.zoomIn", "pdf-zoom-in", "zoomIn()");
        Button fit = zoom(VaadinIcon.EXPAND_SQUARE, "review.viewer.fit", "pdf-fit", "fit()");
        zoomLevel.addClassName("tafel-pdf-zoom");
        zoomLevel.setId("pdf-zoom");
        toolbar.add(previous, position, next, zoomOut, zoomLevel, zoomIn, fit);
        pages.addClassName("tafel-pdf-pages");
        pages.getElement().setAttribute("tabindex", "0");
        pages.getElement().setAttribute("aria-label", getTranslation("review.viewer.pages", fileName));
        add(toolbar, pages);
    }

    private Button tool(VaadinIcon icon, String label, String id, String call) {
        Button button = new Button(icon.create(), e -> call(call));
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setAriaLabel(getTranslation(label));
        button.setTooltipText(getTranslation(label));
        button.setId(id);
        return button;
    }

    private Button zoom(VaadinIcon icon, String label, String id, String call) {
        Button button = new Button(icon.create());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.setAriaLabel(getTranslation(label));
        button.setTooltipText(getTranslation(label));
        button.setId(id);
        button.addClickListener(e -> getElement().executeJs("return this.$tafelViewer ? this.$tafelViewer." + call
                + " : 1").then(Double.class, z -> zoomed((int) Math.round(z * 100))));
        return button;
    }

    private void call(String call) {
        getElement().executeJs("if (this.$tafelViewer) { this.$tafelViewer." + call + "; }");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (!failed) {
            // The module is loaded from the application's root (the page's base URL), not from this route.
            getElement().executeJs("""
                    const host = this;
                    import(new URL('scripts/tafel-pdf-viewer.mjs', document.baseURI).href)
                      .then(m => m.open(host, $0, $1))
                      .catch(e => host.$server.failed(String(e)));""", pages.getElement(), url);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        getElement().executeJs("if (this.$tafelViewer) { this.$tafelViewer.destroy(); this.$tafelViewer = undefined; }");
        super.onDetach(event);
    }

    /** The document is open: it has this many pages. */
    @ClientCallable
    public void loaded(int pages) {
        this.pageCount = pages;
        showPosition();
    }

    /** This page is now in view. */
    @ClientCallable
    public void pageShown(int page, int pages) {
        if (pages < 1 || page < 1 || page > pages) {
            return;
        }
        this.page = page;
        this.pageCount = pages;
        showPosition();
        pageListeners.forEach(l -> l.accept(page, pages));
    }

    /** Zoomed by pinching. */
    @ClientCallable
    public void zoomed(int percent) {
        zoomLevel.setText(percent + "%");
    }

    /** pdf.js could not open or draw the document: offer the download instead. */
    @ClientCallable
    public void failed(String reason) {
        if (failed) {
            return;
        }
        failed = true;
        log.info("pdf.js could not show {} ({}): {}", fileName, url, reason.length() > 300 ? reason.substring(0, 300)
                : reason);
        removeAll();
        Div notice = new Div();
        notice.addClassName("tafel-viewer-notice");
        notice.setId("pdf-failed");
        Anchor download = new Anchor(downloadUrl, getTranslation("viewer.download", fileName));
        download.getElement().setAttribute("router-ignore", true);
        download.setId("pdf-failed-download");
        notice.add(VaadinIcon.WARNING.create(), new Paragraph(getTranslation("review.viewer.failed")), download);
        add(notice);
        failureListeners.forEach(SerializableRunnable::run);
    }

    private void showPosition() {
        position.setText(getTranslation("review.viewer.position", Math.max(page, 1), pageCount));
    }

    public void addPageListener(SerializableBiConsumer<Integer, Integer> listener) {
        pageListeners.add(listener);
    }

    public void addFailureListener(SerializableRunnable listener) {
        failureListeners.add(listener);
    }

    /** The page in view (1 for the first), 0 before the document is open. */
    /** The address pdf.js reads the PDF from. */
    public String url() {
        return url;
    }

    public int page() {
        return page;
    }

    public int pageCount() {
        return pageCount;
    }

    public boolean hasFailed() {
        return failed;
    }
}
