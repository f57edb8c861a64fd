package io.broadsheet.local;

/** Where a local cloud runs. */
public enum Backend {
    /** In this JVM: s3proxy, dynalite (Node.js) and the functions in-process. No Docker. */
    EMBEDDED,
    /** LocalStack in Docker, through Testcontainers; functions deployed as real Lambdas. */
    LOCALSTACK,
    /** Floci in Docker, through Testcontainers; functions deployed as real Lambdas. */
    FLOCI
}
