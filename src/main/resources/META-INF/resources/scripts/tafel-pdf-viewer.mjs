// Tafel's PDF viewer: pdf.js (served as static files from /pdfjs/, no frontend bundle) renders the pages of one
// document into a scrolling column. Pages are drawn when they come near the screen, sharp on high-density screens,
// fitted to the width by default; zoom by buttons or by pinching on a tablet. The viewer tells the server which page
// is in view (element.$server.pageShown) and when a document cannot be shown (element.$server.failed).

const base = document.baseURI;
const asset = (path) => new URL(path, base).href;

let library;

function pdfjs() {
  if (!library) {
    library = import(asset('pdfjs/pdf.min.mjs')).then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = asset('pdfjs/pdf.worker.min.mjs');
      return lib;
    });
    library.catch(() => {
      library = undefined;
    });
  }
  return library;
}

const MIN_ZOOM = 0.5;
const MAX_ZOOM = 4;
const GAP = 12;

class Viewer {
  constructor(host, container) {
    this.host = host;
    this.container = container;
    this.zoom = 1;
    this.page = 0;
    this.count = 0;
    this.slots = [];
    this.rendering = new Map();
    this.destroyed = false;
    this.frame = 0;
    this.onScroll = () => {
      if (!this.frame) {
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.track();
        });
      }
    };
    container.addEventListener('scroll', this.onScroll, { passive: true });
    this.resize = new ResizeObserver(() => {
      const width = this.container.clientWidth;
      if (this.doc && width > 0 && Math.abs(width - (this.width || 0)) > 4) {
        this.relayout();
      }
    });
    this.resize.observe(container);
    this.pinch();
  }

  async load(url) {
    const lib = await pdfjs();
    if (this.destroyed) {
      return;
    }
    this.task = lib.getDocument({
      // relative to the application's root (the page's base URL), as every Tafel link is; pdf.js alone would
      // resolve it against the route's address
      url: asset(url),
      withCredentials: true,
      cMapUrl: asset('pdfjs/cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: asset('pdfjs/standard_fonts/'),
      wasmUrl: asset('pdfjs/wasm/'),
      // Only drawn: no scripting sandbox is loaded (pdf.js's enableScripting stays off), so a document's JavaScript
      // never runs, and no eval, no XFA forms.
      isEvalSupported: false,
      enableXfa: false,
    });
    this.doc = await this.task.promise;
    if (this.destroyed) {
      return;
    }
    this.count = this.doc.numPages;
    const first = await this.doc.getPage(1);
    this.sizes = [];
    const viewport = first.getViewport({ scale: 1 });
    for (let i = 0; i < this.count; i++) {
      this.sizes.push({ width: viewport.width, height: viewport.height });
    }
    this.build();
    this.host.$server.loaded(this.count);
    this.track(true);
  }

  /** The scale at which the widest page fills the column, times the zoom. */
  scale() {
    const available = Math.max(120, this.container.clientWidth - 2 * GAP);
    const widest = Math.max(...this.sizes.map((s) => s.width));
    return (available / widest) * this.zoom;
  }

  build() {
    this.container.replaceChildren();
    this.width = this.container.clientWidth;
    const scale = this.scale();
    this.slots = this.sizes.map((size, i) => {
      const slot = document.createElement('div');
      slot.className = 'tafel-pdf-page';
      slot.dataset.page = String(i + 1);
      slot.style.width = `${Math.floor(size.width * scale)}px`;
      slot.style.height = `${Math.floor(size.height * scale)}px`;
      slot.setAttribute('role', 'img');
      slot.setAttribute('aria-label', `${i + 1} / ${this.count}`);
      this.container.appendChild(slot);
      return slot;
    });
    this.renderedScale = new Map();
    if (this.observer) {
      this.observer.disconnect();
    }
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) {
          this.draw(Number(entry.target.dataset.page));
        }
      }
    }, { root: this.container, rootMargin: '400px 0px' });
    this.slots.forEach((slot) => this.observer.observe(slot));
  }

  /** Lays the pages out again at the current zoom or width, keeping the page in view where it was. */
  relayout() {
    const current = Math.max(1, this.page);
    const slot = this.slots[current - 1];
    const within = slot ? (this.container.scrollTop - slot.offsetTop) / Math.max(1, slot.offsetHeight) : 0;
    this.build();
    const again = this.slots[current - 1];
    if (again) {
      this.container.scrollTop = again.offsetTop + within * again.offsetHeight;
    }
    this.track(true);
  }

  async draw(number) {
    const scale = this.scale();
    if (this.renderedScale.get(number) === scale || this.rendering.get(number) === scale) {
      return;
    }
    this.rendering.set(number, scale);
    try {
      const page = await this.doc.getPage(number);
      if (this.destroyed || this.rendering.get(number) !== scale) {
        return;
      }
      const viewport = page.getViewport({ scale });
      const ratio = Math.min(window.devicePixelRatio || 1, 3);
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      await page.render({
        canvas,
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
      }).promise;
      if (this.destroyed || this.scale() !== scale) {
        return;
      }
      const slot = this.slots[number - 1];
      slot.style.width = canvas.style.width;
      slot.style.height = canvas.style.height;
      slot.replaceChildren(canvas);
      this.renderedScale.set(number, scale);
    } catch (e) {
      if (!this.destroyed && number === 1) {
        this.host.$server.failed(String((e && e.message) || e));
      }
    } finally {
      if (this.rendering.get(number) === scale) {
        this.rendering.delete(number);
      }
    }
  }

  /** The page in view: the one across the middle of the column; at the very bottom, the last page. */
  track(force) {
    if (!this.slots.length) {
      return;
    }
    const c = this.container;
    let page;
    if (c.scrollTop + c.clientHeight >= c.scrollHeight - 2) {
      page = this.count;
    } else {
      const middle = c.scrollTop + c.clientHeight / 2;
      page = 1;
      for (const slot of this.slots) {
        if (slot.offsetTop <= middle) {
          page = Number(slot.dataset.page);
        } else {
          break;
        }
      }
    }
    if (page !== this.page || force) {
      this.page = page;
      this.host.$server.pageShown(page, this.count);
    }
  }

  goTo(number) {
    const slot = this.slots[Math.min(Math.max(number, 1), this.count) - 1];
    if (slot) {
      this.container.scrollTo({ top: slot.offsetTop - GAP, behavior: 'smooth' });
    }
  }

  next() {
    if (this.page >= this.count) {
      return;
    }
    // The last page may be shorter than the column: go to the very end, so that it counts as seen.
    if (this.page === this.count - 1) {
      this.container.scrollTo({ top: this.container.scrollHeight, behavior: 'smooth' });
    } else {
      this.goTo(this.page + 1);
    }
  }

  previous() {
    this.goTo(this.page - 1);
  }

  setZoom(zoom) {
    const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    if (Math.abs(next - this.zoom) > 0.001 && this.doc) {
      this.zoom = next;
      this.relayout();
    }
    return this.zoom;
  }

  zoomIn() {
    return this.setZoom(this.zoom * 1.25);
  }

  zoomOut() {
    return this.setZoom(this.zoom / 1.25);
  }

  fit() {
    return this.setZoom(1);
  }

  /** Two fingers: the pages scale with the gesture, and are drawn again sharp when the fingers lift. */
  pinch() {
    let start = 0;
    let factor = 1;
    const distance = (t) => Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY);
    this.container.addEventListener('touchstart', (e) => {
      if (e.touches.length === 2) {
        start = distance(e.touches);
        factor = 1;
      }
    }, { passive: true });
    this.container.addEventListener('touchmove', (e) => {
      if (e.touches.length === 2 && start > 0) {
        e.preventDefault();
        factor = Math.min(MAX_ZOOM / this.zoom, Math.max(MIN_ZOOM / this.zoom, distance(e.touches) / start));
        this.container.style.setProperty('--tafel-pinch', String(factor));
        this.container.classList.add('tafel-pdf-pinching');
      }
    }, { passive: false });
    const end = () => {
      if (start > 0) {
        start = 0;
        this.container.classList.remove('tafel-pdf-pinching');
        this.container.style.removeProperty('--tafel-pinch');
        if (Math.abs(factor - 1) > 0.05) {
          this.setZoom(this.zoom * factor);
          this.host.$server.zoomed(Math.round(this.zoom * 100));
        }
      }
    };
    this.container.addEventListener('touchend', end, { passive: true });
    this.container.addEventListener('touchcancel', end, { passive: true });
  }

  destroy() {
    if (this.destroyed && !this.task) {
      return;
    }
    this.destroyed = true;
    this.container.removeEventListener('scroll', this.onScroll);
    this.resize.disconnect();
    if (this.observer) {
      this.observer.disconnect();
    }
    if (this.task) {
      this.task.destroy();
      this.task = undefined;
    }
  }
}

/** Viewers still open; those whose pages left the page (another paper, another view) are stopped on the next open. */
const openViewers = new Set();

/** Shows the PDF at url in the container, a child of host (the server-side component's element). */
export async function open(host, container, url) {
  if (host.$tafelViewer) {
    host.$tafelViewer.destroy();
  }
  for (const old of openViewers) {
    if (old.destroyed || !old.container.isConnected) {
      old.destroy();
      openViewers.delete(old);
    }
  }
  const viewer = new Viewer(host, container);
  host.$tafelViewer = viewer;
  openViewers.add(viewer);
  try {
    await viewer.load(url);
  } catch (e) {
    if (!viewer.destroyed) {
      host.$server.failed(String((e && e.message) || e));
    }
  }
}

/** Stops the viewer of host (the page left, or another document opens). */
export function close(host) {
  if (host.$tafelViewer) {
    host.$tafelViewer.destroy();
    host.$tafelViewer = undefined;
  }
}
