package io.broadsheet.aws;

import io.broadsheet.core.pipeline.ObjectStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One S3 bucket as an {@link ObjectStore}. */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final String bucket;

    public S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(key, head.contentLength(), head.contentType(), head.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredObject> get(String key, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            GetObjectResponse response = in.response();
            if (response.contentLength() != null && response.contentLength() > maxBytes) {
                in.abort();
                throw new ObjectTooLargeException(key, maxBytes);
            }
            byte[] content = readAtMost(in, key, maxBytes);
            return Optional.of(new StoredObject(key, content, response.contentType(), response.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + bucket + "/" + key, e);
        }
    }

    private static byte[] readAtMost(InputStream in, String key, long maxBytes) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
        byte[] content = in.readNBytes(limit);
        if (content.length == limit && in.read() != -1) {
            throw new ObjectTooLargeException(key, maxBytes);
        }
        return content;
    }

    @Override
    public void put(String key, byte[] content, String contentType, String cacheControl) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key);
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (cacheControl != null) {
            request.cacheControl(cacheControl);
        }
        s3.putObject(request.build(), RequestBody.fromBytes(content));
    }

    /**
     * S3's own conditional write: {@code If-Match: <etag>}, or {@code If-None-Match: *} to create.
     * S3 answers 412 PreconditionFailed when the object changed (or now exists), 409
     * ConditionalRequestConflict when another write to the key was in flight, and 404 for an
     * {@code If-Match} on an object deleted since it was read: all three mean "changed since read".
     * (A 404 with {@code If-None-Match: *} can only be a missing bucket, which is thrown.)
     */
    @Override
    public boolean putIfMatch(String key, byte[] content, String contentType, String expectedEtag) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key);
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (expectedEtag == null) {
            request.ifNoneMatch("*");
        } else {
            request.ifMatch(expectedEtag);
        }
        try {
            s3.putObject(request.build(), RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409 || expectedEtag != null && e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                .contents().forEach(o -> keys.add(o.key()));
        return keys;
    }
}
