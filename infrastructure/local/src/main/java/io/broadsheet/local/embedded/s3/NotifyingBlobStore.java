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
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.InputStream;
import java.util.function.Consumer;

/**
 * s3proxy's store with S3 event notifications: after each successful write or delete the change is
 * handed to a listener, as S3 hands it to its notification configuration. The listener is called on
 * the request's thread before the response goes out, so nothing can observe the object before its
 * event is queued.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private final Consumer<S3ObjectEvent> listener;

    NotifyingBlobStore(BlobStore delegate, Consumer<S3ObjectEvent> listener) {
        super(delegate);
        this.listener = listener;
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        created(request.bucket(), request.key(), "ObjectCreated:Put");
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        created(request.destinationBucket(), request.destinationKey(), "ObjectCreated:Copy");
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload, CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created(request.bucket(), request.key(), "ObjectCreated:CompleteMultipartUpload");
        return response;
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        boolean existed = delegate().blobExists(request.bucket(), request.key());
        DeleteObjectResponse response = super.removeBlob(request);
        if (existed) {
            listener.accept(new S3ObjectEvent(request.bucket(), request.key(), "ObjectRemoved:Delete", 0, null));
        }
        return response;
    }

    @Override
    public DeleteObjectsResponse removeBlobs(DeleteObjectsRequest request) {
        var existing = request.delete().objects().stream()
                .filter(o -> delegate().blobExists(request.bucket(), o.key())).toList();
        DeleteObjectsResponse response = delegate().removeBlobs(request);
        existing.forEach(o -> listener.accept(new S3ObjectEvent(request.bucket(), o.key(), "ObjectRemoved:Delete", 0, null)));
        return response;
    }

    private void created(String bucket, String key, String eventName) {
        var head = delegate().blobMetadata(bucket, key);
        String eTag = head.eTag() == null ? null : head.eTag().replace("\"", "");
        listener.accept(new S3ObjectEvent(bucket, key, eventName, head.contentLength() == null ? 0 : head.contentLength(), eTag));
    }
}
