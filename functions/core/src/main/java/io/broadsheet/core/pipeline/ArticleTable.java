package io.broadsheet.core.pipeline;

import io.broadsheet.core.model.ArticleRecord;

import java.util.List;
import java.util.Optional;

/**
 * The table of article records. Writes are conditional so that concurrent and repeated events
 * cannot overwrite a newer version: the caller decides, the table only refuses stale writes.
 */
public interface ArticleTable {

    Optional<ArticleRecord> find(String id);

    /** Writes version 1 of a record. @return false when a record with this id already exists */
    boolean insert(ArticleRecord record);

    /** Replaces the record if its stored version is still {@code expectedVersion}. @return false otherwise */
    boolean replace(ArticleRecord record, long expectedVersion);

    /** Deletes the record; with {@code expectedVersion} only if it is still that version. @return whether one was deleted */
    boolean delete(String id, Long expectedVersion);

    /** Newest first (by display date), served by an index rather than a scan. */
    ArticlePage list(ArticleQuery query);

    /**
     * @param limit          1..100
     * @param cursor         opaque cursor from a previous page, or {@code null}
     * @param tag            only records with this tag, or {@code null}
     * @param sentimentLabel only records with this sentiment label, or {@code null}
     */
    record ArticleQuery(int limit, String cursor, String tag, String sentimentLabel) {
        public static ArticleQuery all(int limit) {
            return new ArticleQuery(limit, null, null, null);
        }
    }

    record ArticlePage(List<ArticleRecord> items, String nextCursor) {
    }
}
