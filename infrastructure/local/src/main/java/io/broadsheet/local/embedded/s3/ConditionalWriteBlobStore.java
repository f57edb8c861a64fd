package io.broadsheet.local.embedded.s3;

import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * S3's conditional writes, atomic as on S3. s3proxy 4.1 honours {@code If-Match} and
 * {@code If-None-Match} on PUT, but it checks {@code If-Match} with a HEAD before the write, so
 * two writers holding the same ETag can both pass the check and both write ({@code If-None-Match: *}
 * its stores check atomically). Here each write holds
 * its key's lock while the precondition is checked, the object written and its event queued:
 * of two racing conditional writes exactly one wins, the other gets 412 PreconditionFailed
 * (or 404 NoSuchKey for an {@code If-Match} on an object that is gone), as S3 answers.
 */
final class ConditionalWriteBlobStore extends ForwardingBlobStore {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    ConditionalWriteBlobStore(BlobStore delegate) {
        super(delegate);
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        return locked(request.bucket(), request.key(), () -> {
            if (request.ifMatch() != null || request.ifNoneMatch() != null) {
                try {
                    check(delegate().blobMetadataIfPresent(request.bucket(), request.key()), request.ifMatch(), request.ifNoneMatch());
                } catch (RuntimeException refused) {
                    // Read the upload before answering, as S3 does: a server that answers while the
                    // client is still sending closes the connection under it, and the JDK's HTTP
                    // client then reports a broken write instead of the 412.
                    drain(content);
                    throw refused;
                }
            }
            return super.putBlob(request, content);
        });
    }

    private static void drain(InputStream content) {
        try {
            content.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        return locked(request.destinationBucket(), request.destinationKey(), () -> super.copyBlob(request));
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload, CompleteMultipartUploadRequest request) {
        return locked(request.bucket(), request.key(), () -> super.completeMultipartUpload(upload, request));
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        return locked(request.bucket(), request.key(), () -> super.removeBlob(request));
    }

    /** The preconditions of S3's PutObject, against the object as it is now. */
    private static void check(HeadObjectResponse current, String ifMatch, String ifNoneMatch) {
        if (ifMatch != null) {
            if (current == null) {
                throw S3Errors.of(404, "NoSuchKey", "The specified key does not exist.");
            }
            if (!ifMatch.equals("*") && !sameEtag(ifMatch, current.eTag())) {
                throw preconditionFailed();
            }
        }
        if (ifNoneMatch != null && current != null && (ifNoneMatch.equals("*") || sameEtag(ifNoneMatch, current.eTag()))) {
            throw preconditionFailed();
        }
    }

    private static boolean sameEtag(String a, String b) {
        return b != null && unquoted(a).equals(unquoted(b));
    }

    private static String unquoted(String etag) {
        String e = etag.strip();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    private static RuntimeException preconditionFailed() {
        return S3Errors.of(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
    }

    private <T> T locked(String bucket, String key, Supplier<T> write) {
        ReentrantLock lock = stripes[Math.floorMod((bucket + '/' + key).hashCode(), stripes.length)];
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }
}
