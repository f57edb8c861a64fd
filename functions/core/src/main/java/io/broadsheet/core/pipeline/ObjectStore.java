package io.broadsheet.core.pipeline;

import java.util.List;
import java.util.Objects;
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

    /**
     * Writes only if the object is still the one the caller read: its ETag is {@code expectedEtag},
     * or it does not exist when {@code expectedEtag} is {@code null} (S3's {@code If-Match} and
     * {@code If-None-Match: *}). Lets a step that decided from what it read refuse to overwrite a
     * newer write made in between.
     *
     * <p>This default checks and then writes, which leaves a window between the two; stores that
     * can make the write itself conditional (S3, the in-memory store) override it.
     *
     * @return false when the object changed since it was read
     */
    default boolean putIfMatch(String key, byte[] content, String contentType, String expectedEtag) {
        String current = head(key).map(ObjectInfo::etag).orElse(null);
        if (!Objects.equals(current, expectedEtag)) {
            return false;
        }
        put(key, content, contentType, null);
        return true;
    }

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
