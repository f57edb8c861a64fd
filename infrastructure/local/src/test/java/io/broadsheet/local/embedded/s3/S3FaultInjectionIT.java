package io.broadsheet.local.embedded.s3;

import io.broadsheet.local.LocalCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injected 503 SlowDown answers of the embedded S3, seen through the real S3 API. */
class S3FaultInjectionIT {

    private static final String BUCKET = "faulty";
    private static final List<S3ObjectEvent> events = new CopyOnWriteArrayList<>();
    private static EmbeddedS3 s3;

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.start(null, events::add);
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    @BeforeEach
    void reset() {
        s3.faults().failNext(0, 0);
        events.clear();
    }

    @Test
    void put_failsWithSlowDownAndNotifiesNothing_whenFaultIsArmedAndClientDoesNotRetry() {
        s3.faults().failNext(1, 0);
        try (S3Client client = client(0)) {
            assertThatThrownBy(() -> client.putObject(b -> b.bucket(BUCKET).key("incoming/a.md"), RequestBody.fromString("# A")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
                    });
            assertThat(events).isEmpty();
        }
    }

    @Test
    void putAndGet_succeedAfterRetries_whenFaultsLastFewerRequestsThanClientRetries() {
        s3.faults().failNext(2, 2);
        int before = s3.faults().injectedFaults();
        try (S3Client client = client(3)) {
            client.putObject(b -> b.bucket(BUCKET).key("incoming/b.md"), RequestBody.fromString("# B"));
            String body = client.getObjectAsBytes(b -> b.bucket(BUCKET).key("incoming/b.md")).asUtf8String();

            assertThat(body).isEqualTo("# B");
            assertThat(s3.faults().injectedFaults() - before).isEqualTo(4);
            assertThat(events).extracting(S3ObjectEvent::key).containsExactly("incoming/b.md");
        }
    }

    private static S3Client client(int retries) {
        return S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalCloud.ACCESS_KEY_ID, LocalCloud.SECRET_ACCESS_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(retries + 1)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
