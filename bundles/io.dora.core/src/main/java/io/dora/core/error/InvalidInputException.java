package io.dora.core.error;

import java.util.List;

/** Input rejected before any network call; {@link #problems()} lists every problem found, not only the first. */
public class InvalidInputException extends DoraException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidInputException(List<String> problems) {
        super(ErrorKind.INVALID_INPUT, String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
