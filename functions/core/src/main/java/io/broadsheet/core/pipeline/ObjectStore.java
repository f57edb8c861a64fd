package io.broadsheet.core.pipeline;

import java.util.List;
import java.util.Optional;

/** One bucket, as the domain needs it. Implemented over S3 in the aws module and in memory for tests. */
public interface ObjectStore {

    /** Metadata only: lets a step refuse an object by its size before reading it. */
    Optional<ObjectInfo> head(String key);

    /**
     * The object's bytes.
     *
     * @throws ObjectTooLargeException when the object turns out larger than {@code maxBytes}
     *                                 (read is stopped there, the rest never enters memory)
     */
    Optional<StoredObject> get(String key, long maxBytes);

    void put(String key, byte[] content, String contentType, String cacheControl);

    void delete(String key);

    /** Keys under a prefix, in key order. */
    List<String> list(String prefix);

    record ObjectInfo(String key, long size, String contentType, String etag) {
    }

    record StoredObject(String key, byte[] content, String contentType, String etag) {
    }

    final class ObjectTooLargeException extends RuntimeException {
        public ObjectTooLargeException(String key, long maxBytes) {
            super(key + " is larger than " + maxBytes + " bytes");
        }
    }
}
