package io.broadsheet.api;

import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.ArticleRecord;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The API's JSON shapes: what clients see of the records, never the storage layout. */
public final class ArticleViews {

    private ArticleViews() {
    }

    /** {@code published} once the page is in the site bucket, {@code processing} before. */
    public enum Status { processing, published }

    @Schema(name = "Article", description = "An article's full record, with its page and publication status")
    public record Article(
            String id,
            long version,
            Status status,
            String title,
            String author,
            String authorRole,
            Instant publishedAt,
            List<String> tags,
            Analysis analysis,
            String pageUrl,
            String recordUrl,
            String sourceKey,
            String contentHash,
            Instant createdAt,
            Instant updatedAt) {

        static Article of(ArticleRecord r, Status status, String pageUrl, String recordUrl) {
            return new Article(r.id(), r.version(), status, r.title(), r.author(), r.authorRole(), r.publishedAt(),
                    r.tags(), r.analysis(), pageUrl, recordUrl, r.sourceKey(), r.contentHash(), r.createdAt(), r.updatedAt());
        }
    }

    @Schema(name = "ArticleSummary", description = "One article in a list")
    public record Summary(
            String id,
            long version,
            String title,
            String author,
            Instant publishedAt,
            List<String> tags,
            Integer sentimentScore,
            String sentimentLabel,
            int readingTimeMinutes,
            String pageUrl,
            Instant updatedAt) {

        static Summary of(ArticleRecord r, String pageUrl) {
            return new Summary(r.id(), r.version(), r.title(), r.author(), r.publishedAt(), r.tags(),
                    r.analysis().sentiment().score(), r.analysis().sentiment().label(),
                    r.analysis().readingTimeMinutes(), pageUrl, r.updatedAt());
        }
    }

    @Schema(name = "ArticleList", description = "A page of articles, newest first")
    public record ArticleList(List<Summary> items, String nextCursor) {
    }

    @Schema(name = "Submission", description = "A submitted article, as JSON")
    public record Submission(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 300) String title,
            @Schema(maxLength = 200) String author,
            @Schema(description = "ISO-8601 date or date-time", example = "2025-09-05T08:00:00Z") String publishedAt,
            @Schema(description = "at most 20") List<String> tags,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "paragraphs separated by blank lines") String body) {
    }

    @Schema(name = "SubmissionAccepted", description = "The submission is stored; the pipeline parses, analyses and publishes it")
    public record Accepted(String id, Status status, String sourceKey, String location) {
    }

    @Schema(name = "RepublishResult")
    public record Republished(String id, String result, String pageUrl) {
    }
}
