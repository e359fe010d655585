package nl.tafel.spaces.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.util.Optional;
import nl.tafel.spaces.NameProblem;

/** Shows a name problem on a field while the person types, or clears it. */
final class NameProblems {

    private NameProblems() {
    }

    static boolean show(TextField field, Optional<NameProblem> problem) {
        if (problem.isPresent()) {
            field.setErrorMessage(field.getTranslation(problem.get().messageKey(), problem.get().args()));
            field.setInvalid(true);
            return false;
        }
        field.setInvalid(false);
        return true;
    }
}
