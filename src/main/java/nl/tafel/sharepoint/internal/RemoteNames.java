package nl.tafel.sharepoint.internal;

import nl.tafel.spaces.DocumentNames;
import org.jspecify.annotations.Nullable;

/**
 * Maps a SharePoint name that Tafel's name rules refuse to one they accept, reversibly: each refused character
 * becomes its full-width twin (":" becomes "：", a leading or trailing space "␠"), as rclone's encoder does. The
 * sync keeps the remote name beside the local one, so the way back is exact: a local name that is still the mapping
 * of the remote name goes up as the remote name.
 */
final class RemoteNames {

    private static final String FORBIDDEN = "\"*:<>?/\\|";

    private RemoteNames() {
    }

    /**
     * The local name for a remote name.
     *
     * @throws nl.tafel.shared.TafelException {@code sharepoint.problem.remoteNameTooLong} when the name is longer than
     *         Tafel's names may be (SharePoint allows more): cutting it could make two names one, so the item is a
     *         problem until someone shortens it there
     */
    static String toLocal(String remote) {
        if (DocumentNames.check(remote).isEmpty()) {
            return remote;
        }
        if (remote.length() > DocumentNames.MAX_NAME_LENGTH) {
            throw new nl.tafel.shared.TafelException("sharepoint.problem.remoteNameTooLong",
                    DocumentNames.MAX_NAME_LENGTH, remote.length());
        }
        StringBuilder out = new StringBuilder(remote.length());
        for (int i = 0; i < remote.length(); i++) {
            char c = remote.charAt(i);
            boolean edge = i == 0 || i == remote.length() - 1;
            if (FORBIDDEN.indexOf(c) >= 0) {
                out.append((char) (c + 0xFEE0));
            } else if (Character.isISOControl(c)) {
                out.append((char) (0x2400 + (c & 0x1F)));
            } else if (c == ' ' && edge) {
                out.append('\u2420');
            } else if (c == '.' && i == remote.length() - 1) {
                out.append('\uFF0E'); // a trailing dot: the full-width full stop
            } else if (DocumentNames.isFormat(c)) {
                out.append('\uFFFD'); // invisible formatting (a right-to-left override...) becomes visible
            } else {
                out.append(c);
            }
        }
        String mapped = out.toString();
        if (mapped.startsWith("~$")) {
            mapped = "\uFF5E" + mapped.substring(1);
        }
        mapped = mapped.replace("_vti_", "_vti\uFF3F");
        if (DocumentNames.check(mapped).isPresent()) {
            // a reserved name such as CON or desktop.ini: mark it so that Tafel accepts it
            int dot = mapped.indexOf('.');
            mapped = dot > 0 ? mapped.substring(0, dot) + "\uFF3F" + mapped.substring(dot) : mapped + "\uFF3F";
        }
        return mapped;
    }

    /** The name to use remotely for a local name: the remote name it came from when it is still its mapping. */
    static String toRemote(String local, @Nullable String remoteBefore) {
        if (remoteBefore != null && toLocal(remoteBefore).equals(local)) {
            return remoteBefore;
        }
        return local;
    }
}
