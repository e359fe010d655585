package nl.tafel.sharepoint;

/** The result of "test connection" for a site, library and folder. */
public enum ConnectionCheck {
    /** Everything found (a missing folder is made when the space is linked). */
    REACHABLE,
    /** The folder is not there yet; linking makes it. */
    FOLDER_WILL_BE_CREATED,
    NOT_CONFIGURED,
    SIGN_IN_FAILED,
    PERMISSIONS_MISSING,
    SITE_NOT_FOUND,
    LIBRARY_NOT_FOUND,
    UNREACHABLE
}
