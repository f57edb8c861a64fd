package io.broadsheet.local.embedded;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * S3 in this JVM: s3proxy over its in-memory store (or its filesystem store under a data folder),
 * on a free loopback port, path-style, accepting any credentials. Every change is reported to a
 * listener, which turns it into S3 event notifications.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStore store;
    private final URI endpoint;
    private final FaultyBlobStore faults;

    private EmbeddedS3(S3Proxy proxy, BlobStore store, URI endpoint, FaultyBlobStore faults) {
        this.proxy = proxy;
        this.store = store;
        this.endpoint = endpoint;
        this.faults = faults;
    }

    /** @param dataDir where objects are kept between runs, or {@code null} for memory only */
    public static EmbeddedS3 start(Path dataDir, Consumer<S3ObjectEvent> listener) {
        BlobStore base;
        if (dataDir == null) {
            base = new TransientNio2BlobStore();
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            base = new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString());
        }
        FaultyBlobStore faults = new FaultyBlobStore(new ConditionalWriteBlobStore(new NotifyingBlobStore(base, listener)));
        BlobStore store = faults;
        int port = FreePorts.find();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .build();
        try {
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start on " + endpoint, e);
        }
        return new EmbeddedS3(proxy, store, endpoint, faults);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Switch for injected S3 errors (off by default), for reliability tests. */
    public FaultyBlobStore faults() {
        return faults;
    }

    public void createBucket(String name) {
        if (!store.containerExists(name)) {
            store.createContainer(name);
        }
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }
}
