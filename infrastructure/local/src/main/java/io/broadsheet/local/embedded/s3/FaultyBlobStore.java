package io.broadsheet.local.embedded.s3;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Switchable S3 faults for reliability tests: the next N puts or gets answer 503 SlowDown, as S3
 * does under throttling, or every put of one key answers 500 InternalError, as S3 does now and then,
 * so that the retries of clients and of event delivery can be exercised against the embedded cloud.
 * Off unless armed; a failed put stores nothing and so notifies nothing.
 */
public final class FaultyBlobStore extends ForwardingBlobStore {

    private final AtomicInteger failingPuts = new AtomicInteger();
    private final AtomicInteger failingGets = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final Set<String> failingKeys = ConcurrentHashMap.newKeySet();

    FaultyBlobStore(BlobStore delegate) {
        super(delegate);
    }

    /** Makes the next {@code puts} puts and {@code gets} gets fail with 503 SlowDown. */
    public void failNext(int puts, int gets) {
        failingPuts.set(puts);
        failingGets.set(gets);
    }

    /** Makes every put of {@code key} (in any bucket) fail with 500 InternalError until {@link #clear()}. */
    public void failPutsOf(String key) {
        failingKeys.add(key);
    }

    /** Disarms every fault. */
    public void clear() {
        failNext(0, 0);
        failingKeys.clear();
    }

    /** How many faults were answered so far. */
    public int injectedFaults() {
        return injected.get();
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        if (failingKeys.contains(request.key())) {
            injected.incrementAndGet();
            throw S3Errors.of(500, "InternalError", "We encountered an internal error. Please try again. (injected fault on PUT "
                    + request.key() + ")");
        }
        maybeFail(failingPuts, "PUT " + request.key());
        return super.putBlob(request, content);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        maybeFail(failingGets, "GET " + request.key());
        return super.getBlob(request);
    }

    private void maybeFail(AtomicInteger remaining, String what) {
        if (remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            injected.incrementAndGet();
            throw S3Errors.of(503, "SlowDown", "Please reduce your request rate (injected fault on " + what + ")");
        }
    }
}
