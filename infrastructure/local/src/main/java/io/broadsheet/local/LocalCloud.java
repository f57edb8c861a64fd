package io.broadsheet.local;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A running Broadsheet stack (buckets, table with its stream, the four functions and their triggers)
 * on one machine. Callers talk to it only through the AWS APIs at {@link #s3Endpoint()} and
 * {@link #dynamoDbEndpoint()} and over HTTP at {@link #apiEndpoint()}, as they would to AWS.
 */
public interface LocalCloud extends AutoCloseable {

    /** Credentials every local endpoint accepts. */
    String ACCESS_KEY_ID = "local";
    String SECRET_ACCESS_KEY = "local";

    URI s3Endpoint();

    URI dynamoDbEndpoint();

    /** The API's base URL ({@code GET <it>/health}), or {@code null} when the backend serves none. */
    URI apiEndpoint();

    String region();

    String articlesBucket();

    String siteBucket();

    String tableName();

    /**
     * Blocks until no invocation is queued or running (the pipeline has settled).
     *
     * @return false when {@code timeout} passed first
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /** Invocations that failed after all their retries (the local failure destination). */
    List<FailedInvocation> failures();

    /**
     * Takes every event out of the failure destination and hands it back to its function, as an
     * operator redrives a dead-letter queue once the cause is fixed. The events go through their
     * retries again and land back in {@link #failures()} if they fail again.
     *
     * @return how many failed invocations were redriven
     */
    int redriveFailures();

    @Override
    void close();

    /** One event that a function could not process, retries included. */
    record FailedInvocation(String function, String event, String error) {
    }
}
