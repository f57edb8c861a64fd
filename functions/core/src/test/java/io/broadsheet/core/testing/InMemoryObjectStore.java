package io.broadsheet.core.testing;

import io.broadsheet.core.pipeline.ObjectStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A bucket in memory, for unit tests of the steps. Writes are atomic, {@link #putIfMatch} is a true
 * compare-and-set, and ETags are the content's MD5 as S3 gives them for single-part uploads.
 *
 * <p>For reliability tests it also counts reads and writes per key, can fail chosen operations
 * (as S3 throttling would), can hold an object known only by its size (so a test fails if the
 * step reads it), and can run an action just before a chosen read (to force an interleaving).
 */
public final class InMemoryObjectStore implements ObjectStore {

    /** The operations a failure can be injected into. */
    public enum Operation { HEAD, GET, PUT, DELETE, LIST }

    private final Map<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    private final Map<String, Long> sizeOnly = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, Runnable> beforeNextGet = new ConcurrentHashMap<>();
    private final Map<String, Runnable> beforeNextPut = new ConcurrentHashMap<>();

    private record Failure(Operation operation, Predicate<String> keys, RuntimeException error) {
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        failIfAsked(Operation.HEAD, key);
        Long declared = sizeOnly.get(key);
        if (declared != null) {
            return Optional.of(new ObjectInfo(key, declared, "application/octet-stream", "\"size-only\""));
        }
        return Optional.ofNullable(objects.get(key))
                .map(o -> new ObjectInfo(key, o.content().length, o.contentType(), o.etag()));
    }

    @Override
    public Optional<StoredObject> get(String key, long maxBytes) {
        Runnable before = beforeNextGet.remove(key);
        if (before != null) {
            before.run();
        }
        failIfAsked(Operation.GET, key);
        if (sizeOnly.containsKey(key)) {
            throw new AssertionError("the step read " + key + " (" + sizeOnly.get(key)
                    + " bytes) into memory; it should have refused it by its size");
        }
        reads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        StoredObject object = objects.get(key);
        if (object != null && object.content().length > maxBytes) {
            throw new ObjectTooLargeException(key, maxBytes);
        }
        return Optional.ofNullable(object);
    }

    @Override
    public void put(String key, byte[] content, String contentType, String cacheControl) {
        runBeforeNextPut(key);
        write(key, content, contentType);
    }

    private synchronized void write(String key, byte[] content, String contentType) {
        failIfAsked(Operation.PUT, key);
        sizeOnly.remove(key);
        objects.put(key, new StoredObject(key, content.clone(), contentType, etagOf(content)));
        writes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public boolean putIfMatch(String key, byte[] content, String contentType, String expectedEtag) {
        runBeforeNextPut(key);
        synchronized (this) {
            StoredObject current = objects.get(key);
            if (!Objects.equals(current == null ? null : current.etag(), expectedEtag)) {
                return false;
            }
            write(key, content, contentType);
            return true;
        }
    }

    private void runBeforeNextPut(String key) {
        Runnable before = beforeNextPut.remove(key);
        if (before != null) {
            before.run();
        }
    }

    public void put(String key, String content) {
        put(key, content.getBytes(StandardCharsets.UTF_8), null, null);
    }

    public void put(String key, byte[] content, String contentType) {
        put(key, content, contentType, null);
    }

    /** An object known only by its size, as HEAD reports it: reading it fails the test. */
    public void putSizeOnly(String key, long size) {
        objects.remove(key);
        sizeOnly.put(key, size);
    }

    @Override
    public synchronized void delete(String key) {
        failIfAsked(Operation.DELETE, key);
        objects.remove(key);
        sizeOnly.remove(key);
    }

    @Override
    public List<String> list(String prefix) {
        failIfAsked(Operation.LIST, prefix);
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    public String text(String key) {
        return new String(objects.get(key).content(), StandardCharsets.UTF_8);
    }

    public byte[] bytes(String key) {
        return objects.get(key).content().clone();
    }

    public String etag(String key) {
        return objects.get(key).etag();
    }

    public boolean contains(String key) {
        return objects.containsKey(key) || sizeOnly.containsKey(key);
    }

    /** How many times {@code key} was written (put or successful conditional put). */
    public int writes(String key) {
        AtomicInteger count = writes.get(key);
        return count == null ? 0 : count.get();
    }

    /** How many times {@code key} was read with {@code get}. */
    public int reads(String key) {
        AtomicInteger count = reads.get(key);
        return count == null ? 0 : count.get();
    }

    /** Every later {@code operation} on a key that {@code keys} accepts throws {@code error}. */
    public void failWhen(Operation operation, Predicate<String> keys, RuntimeException error) {
        failures.add(new Failure(operation, keys, error));
    }

    public void clearFailures() {
        failures.clear();
    }

    /** Runs {@code action} once, just before the next {@code get} of {@code key}. */
    public void beforeNextGet(String key, Runnable action) {
        beforeNextGet.put(key, action);
    }

    /** Runs {@code action} once, just before the next write (plain or conditional) of {@code key}. */
    public void beforeNextPut(String key, Runnable action) {
        beforeNextPut.put(key, action);
    }

    private void failIfAsked(Operation operation, String key) {
        for (Failure failure : failures) {
            if (failure.operation() == operation && failure.keys().test(key)) {
                throw failure.error();
            }
        }
    }

    /** Quoted hex MD5, the ETag S3 gives a single-part upload. */
    public static String etagOf(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
