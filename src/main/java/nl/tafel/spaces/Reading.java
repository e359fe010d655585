package nl.tafel.spaces;

/** How a version can be read in the browser. */
public enum Reading {
    /** A PDF, shown in the browser's viewer. */
    PDF,
    /** A picture, shown inline. */
    IMAGE,
    /** An office file, shown as PDF after LibreOffice converts it. */
    CONVERTED_PDF,
    /** An office file, but LibreOffice is not installed here: only the download. */
    CONVERTER_MISSING,
    /** Anything else: only the download. */
    DOWNLOAD_ONLY
}
