package io.broadsheet.core.testing;

import io.broadsheet.core.pipeline.ObjectStore;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A bucket in memory, for unit tests of the steps. */
public final class InMemoryObjectStore implements ObjectStore {

    private final Map<String, StoredObject> objects = new ConcurrentSkipListMap<>();

    @Override
    public Optional<ObjectInfo> head(String key) {
        return Optional.ofNullable(objects.get(key))
                .map(o -> new ObjectInfo(key, o.content().length, o.contentType(), o.etag()));
    }

    @Override
    public Optional<StoredObject> get(String key, long maxBytes) {
        StoredObject object = objects.get(key);
        if (object != null && object.content().length > maxBytes) {
            throw new ObjectTooLargeException(key, maxBytes);
        }
        return Optional.ofNullable(object);
    }

    @Override
    public void put(String key, byte[] content, String contentType, String cacheControl) {
        String etag = "\"" + HexFormat.of().formatHex(content, 0, Math.min(8, content.length)) + content.length + "\"";
        objects.put(key, new StoredObject(key, content.clone(), contentType, etag));
    }

    public void put(String key, String content) {
        put(key, content.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    @Override
    public List<String> list(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    public String text(String key) {
        return new String(objects.get(key).content(), StandardCharsets.UTF_8);
    }

    public boolean contains(String key) {
        return objects.containsKey(key);
    }
}
