package io.broadsheet.core.model;

/**
 * A permanent failure: retrying the same input can never succeed. Steps turn it into an error
 * record and return normally, so the platform does not retry it.
 */
public class ArticleRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public ArticleRejectedException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ArticleRejectedException(RejectionReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
