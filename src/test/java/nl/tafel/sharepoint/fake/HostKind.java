package nl.tafel.sharepoint.fake;

/** Which of the fake's two servers a request reached. */
public enum HostKind {
    /** The Graph API, {@code http://127.0.0.1:<port>/v1.0}: needs the bearer token. */
    GRAPH,
    /** Upload-session and download URLs, {@code http://127.0.0.2:<port>/}: pre-authenticated, refuses a token. */
    FILES
}
