package nl.tafel.spaces;

/** Where document content is served (see the content controller); relative to the application's root. */
public final class Links {

    private Links() {
    }

    public static String download(VersionId id) {
        return "bestanden/" + id;
    }

    public static String downloadCurrent(DocumentId id) {
        return "bestanden/document/" + id;
    }

    public static String read(VersionId id) {
        return "bestanden/" + id + "/lezen";
    }

    public static String readAsPdf(VersionId id) {
        return "bestanden/" + id + "/pdf";
    }
}
