package io.broadsheet.local.embedded.s3;

import io.broadsheet.aws.S3ObjectStore;
import io.broadsheet.core.pipeline.ObjectStore;
import io.broadsheet.local.LocalCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link S3ObjectStore#putIfMatch} against the embedded S3: S3's conditional writes
 * ({@code If-Match}, {@code If-None-Match: *}) let exactly one of the writers racing on one key
 * through. What went through is counted from the bucket's event notifications, one per stored write.
 *
 * <p>As on S3, a writer cannot always know that it won: when the answer to its write is lost, the
 * SDK sends the write again, and the retry is refused (412) because the first attempt went through.
 * So a round has exactly one stored write and at most one writer told "won". The writers' clients
 * allow more attempts than the default, as refusals under contention come in bursts.
 *
 * <p>A lone writer must be told it won, every time: s3proxy used to answer an {@code aws-chunked}
 * upload before its last chunk had arrived and drop the connection, so about one conditional write
 * in twenty went through and was then refused on its retry ({@link WholeUploadFilter}).
 */
class S3ConditionalWriteIT {

    private static final String BUCKET = "conditional";
    private static final int WRITERS = 4;
    private static final int ROUNDS = 25;
    private static EmbeddedS3 s3;
    private static final List<S3Client> clients = new ArrayList<>();
    private static final List<String> stored = new CopyOnWriteArrayList<>();
    private static final List<ObjectStore> stores = new ArrayList<>();

    @BeforeAll
    static void start() {
        s3 = EmbeddedS3.start(null, event -> stored.add(event.key()));
        s3.createBucket(BUCKET);
        for (int i = 0; i < WRITERS; i++) {
            S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(LocalCloud.ACCESS_KEY_ID, LocalCloud.SECRET_ACCESS_KEY)))
                    .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(8)))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            clients.add(client);
            stores.add(new S3ObjectStore(client, BUCKET));
        }
    }

    @AfterAll
    static void stop() {
        clients.forEach(S3Client::close);
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void putIfMatch_letsExactlyOneWriterWin_whenWritersHoldingTheSameEtagRace() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // GIVEN an object every writer has read
            String key = "parsed/replace-" + round + ".json";
            stores.getFirst().put(key, bytes("original"), "application/json", null);
            String etag = stores.getFirst().head(key).orElseThrow().etag();
            int before = stored.size();

            // WHEN they all replace it at once, each on the ETag it read
            List<Boolean> won = race(writer -> stores.get(writer).putIfMatch(key, bytes("writer " + writer), "application/json", etag));

            // THEN exactly one write went through, and the object is that writer's
            assertExactlyOneWent(key, won, stored.subList(before, stored.size()));
        }
    }

    @Test
    void putIfMatch_letsExactlyOneWriterCreate_whenWritersRaceToCreateOneKey() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String key = "parsed/create-" + round + ".json";

            List<Boolean> won = race(writer -> stores.get(writer).putIfMatch(key, bytes("writer " + writer), "application/json", null));

            assertExactlyOneWent(key, won, stored);
        }
    }

    @Test
    void putIfMatch_isFalse_whenTheObjectChangedOrWasDeletedOrCreatedSinceItWasRead() {
        ObjectStore store = stores.getFirst();
        store.put("parsed/changed.json", bytes("v1"), "application/json", null);
        String read = store.head("parsed/changed.json").orElseThrow().etag();
        store.put("parsed/changed.json", bytes("v2"), "application/json", null);
        store.put("parsed/deleted.json", bytes("v1"), "application/json", null);
        String deletedEtag = store.head("parsed/deleted.json").orElseThrow().etag();
        store.delete("parsed/deleted.json");
        store.put("parsed/created.json", bytes("v1"), "application/json", null);

        assertThat(store.putIfMatch("parsed/changed.json", bytes("stale"), "application/json", read)).isFalse();
        assertThat(store.putIfMatch("parsed/deleted.json", bytes("stale"), "application/json", deletedEtag)).isFalse();
        assertThat(store.putIfMatch("parsed/created.json", bytes("stale"), "application/json", null)).isFalse();
        assertThat(text("parsed/changed.json")).isEqualTo("v2");
        assertThat(store.head("parsed/deleted.json")).isEmpty();
        assertThat(text("parsed/created.json")).isEqualTo("v1");
        String current = store.head("parsed/changed.json").orElseThrow().etag();
        assertThat(store.putIfMatch("parsed/changed.json", bytes("v3"), "application/json", current)).isTrue();
        assertThat(text("parsed/changed.json")).isEqualTo("v3");
    }

    @Test
    void putIfMatch_isTrue_whenNothingChangedSinceItWasRead() {
        ObjectStore store = stores.getFirst();
        for (int round = 0; round < 100; round++) {
            String key = "parsed/unchanged-" + round + ".json";
            store.put(key, bytes("v1"), "application/json", null);
            String read = store.head(key).orElseThrow().etag();

            assertThat(store.putIfMatch(key, bytes("v2"), "application/json", read)).as("round %d", round).isTrue();
            assertThat(text(key)).isEqualTo("v2");
        }
    }

    /** One stored write of {@code key} among {@code writes}; at most one writer told it won, and then it is its object. */
    private static void assertExactlyOneWent(String key, List<Boolean> won, List<String> writes) {
        assertThat(writes).as("writes of %s stored (writers told they won: %s)", key, won).filteredOn(key::equals).hasSize(1);
        assertThat(won).as("writers of %s told they won", key).filteredOn(w -> w).hasSizeLessThanOrEqualTo(1);
        String content = text(key);
        assertThat(content).startsWith("writer ");
        if (won.contains(true)) {
            assertThat(content).isEqualTo("writer " + won.indexOf(true));
        }
    }

    /** Runs {@code write} for every writer at the same moment; the outcomes by writer. */
    private static List<Boolean> race(WriterTask write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CyclicBarrier start = new CyclicBarrier(WRITERS);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                outcomes.add(pool.submit((Callable<Boolean>) () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return write.run(writer);
                }));
            }
            List<Boolean> won = new ArrayList<>();
            for (Future<Boolean> outcome : outcomes) {
                won.add(outcome.get(60, TimeUnit.SECONDS));
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }

    private interface WriterTask {
        boolean run(int writer);
    }

    private static String text(String key) {
        return new String(stores.getFirst().get(key, 1024).orElseThrow().content(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
