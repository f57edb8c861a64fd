package io.broadsheet.core.testing;

import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.pipeline.ArticleTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The article table in memory, with the same conditional-write semantics as DynamoDB's: each write
 * is atomic, and a conditional one is a compare-and-set on the version. It also keeps every version
 * written, in order (what the table's stream would carry), and can fail writes as DynamoDB
 * throttling would.
 */
public final class InMemoryArticleTable implements ArticleTable {

    private final Map<String, ArticleRecord> records = new ConcurrentHashMap<>();
    private final List<ArticleRecord> written = new CopyOnWriteArrayList<>();
    private volatile RuntimeException writeFailure;

    @Override
    public Optional<ArticleRecord> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized boolean insert(ArticleRecord record) {
        failIfAsked();
        if (records.putIfAbsent(record.id(), record) != null) {
            return false;
        }
        written.add(record);
        return true;
    }

    @Override
    public synchronized boolean replace(ArticleRecord record, long expectedVersion) {
        failIfAsked();
        ArticleRecord current = records.get(record.id());
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        records.put(record.id(), record);
        written.add(record);
        return true;
    }

    @Override
    public synchronized boolean delete(String id, Long expectedVersion) {
        failIfAsked();
        ArticleRecord current = records.get(id);
        if (current == null || expectedVersion != null && current.version() != expectedVersion) {
            return false;
        }
        records.remove(id);
        return true;
    }

    @Override
    public ArticlePage list(ArticleQuery query) {
        List<ArticleRecord> all = records.values().stream()
                .filter(r -> query.tag() == null || r.tags().contains(query.tag()))
                .filter(r -> query.sentimentLabel() == null
                        || query.sentimentLabel().equals(r.analysis().sentiment().label()))
                .sorted(Comparator.comparing((ArticleRecord r) -> r.displayDate() == null ? Instant.EPOCH : r.displayDate())
                        .reversed().thenComparing(ArticleRecord::id))
                .toList();
        int from = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
        int to = Math.min(all.size(), from + query.limit());
        return new ArticlePage(new ArrayList<>(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }

    public int size() {
        return records.size();
    }

    /** Every record version written (inserts and replaces), in the order the writes happened. */
    public List<ArticleRecord> written(String id) {
        return written.stream().filter(r -> r.id().equals(id)).toList();
    }

    /** Every later write throws {@code error} until {@link #heal()}. */
    public void failWritesWith(RuntimeException error) {
        writeFailure = error;
    }

    public void heal() {
        writeFailure = null;
    }

    private void failIfAsked() {
        RuntimeException error = writeFailure;
        if (error != null) {
            throw error;
        }
    }
}
