package nl.tafel.spaces;

import nl.tafel.shared.TafelException;

/** An upload that was refused; nothing of it was kept. */
public class UploadException extends TafelException {

    public UploadException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
