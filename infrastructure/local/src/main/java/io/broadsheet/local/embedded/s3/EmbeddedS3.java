package io.broadsheet.local.embedded.s3;

import io.broadsheet.local.embedded.FreePorts;
import jakarta.servlet.DispatcherType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.gaul.shaded.org.eclipse.jetty.server.Server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
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
        readWholeUploads(proxy);
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

    /**
     * Puts {@link WholeUploadFilter} in front of s3proxy's servlet. s3proxy keeps its Jetty server
     * private, so it is reached by reflection, once, before the server starts.
     */
    private static void readWholeUploads(S3Proxy proxy) {
        try {
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            ServletContextHandler context = ((Server) field.get(proxy)).getDescendant(ServletContextHandler.class);
            context.addFilter(new FilterHolder(new WholeUploadFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("s3proxy " + S3Proxy.class.getPackage().getImplementationVersion()
                    + " is not built as expected: its servlet context was not found", e);
        }
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
