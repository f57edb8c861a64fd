package io.broadsheet.api;

import java.util.List;

/** Thrown by controllers and filters to answer with a problem; see {@link ProblemResponses}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(ProblemType.INVALID_INPUT, field + ": " + reason, List.of(new Problem.FieldError(field, reason)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
