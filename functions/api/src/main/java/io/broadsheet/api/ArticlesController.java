package io.broadsheet.api;

import io.broadsheet.aws.BroadsheetConfiguration;
import io.broadsheet.aws.PipelineFactory;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.pipeline.ArticleChange;
import io.broadsheet.core.pipeline.ArticleTable;
import io.broadsheet.core.pipeline.ObjectStore;
import io.broadsheet.core.pipeline.PublishArticleService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article routes. Submissions go through the bucket like any upload; reads come from the table
 * (the {@code byDate} index for lists) and the site bucket (is the page there?); republish and
 * unpublish run the publish step directly so their effect is visible when the call returns.
 */
@Controller("/articles")
@Tag(name = "articles")
public class ArticlesController {

    static final String MARKDOWN = "text/markdown";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"?v(\\d{1,18})(?:-[a-z]+)?\"?$");

    private final ArticleSubmissions submissions;
    private final ArticleTable table;
    private final ObjectStore site;
    private final PublishArticleService publisher;
    private final String siteBaseUrl;

    public ArticlesController(ArticleSubmissions submissions, ArticleTable table,
                              @Named(PipelineFactory.SITE) ObjectStore site, PublishArticleService publisher,
                              BroadsheetConfiguration config) {
        this.submissions = submissions;
        this.table = table;
        this.site = site;
        this.publisher = publisher;
        this.siteBaseUrl = config.getSiteBaseUrl().endsWith("/") ? config.getSiteBaseUrl() : config.getSiteBaseUrl() + "/";
    }

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MARKDOWN, MediaType.TEXT_HTML},
            produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an article",
            description = "A JSON submission, or a raw document (text/plain, text/markdown, text/html). It is stored under "
                    + "incoming/api/ and goes through the same pipeline as any upload; poll the Location until status is published.",
            security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")})
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleViews.Submission.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string")),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "202", description = "Accepted; Location names the article",
            content = @Content(schema = @Schema(implementation = ArticleViews.Accepted.class)))
    @ApiResponse(responseCode = "400", description = "Invalid input: the problem lists each field and why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "No or malformed credentials, or writes are not configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The credentials are not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "Over the size limit (broadsheet.max-upload-bytes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = "Not an accepted content type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ArticleViews.Accepted> submit(@Header(HttpHeaders.CONTENT_TYPE) String contentType,
                                                      @Body @Parameter(hidden = true) byte[] body) {
        ArticleSubmissions.Stored stored = submissions.submit(contentType, body);
        // Relative to the request's own URL, so it stays right behind API Gateway's stage prefix (/Prod/articles).
        String location = "articles/" + stored.id();
        return HttpResponse.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, location)
                .body(new ArticleViews.Accepted(stored.id(), ArticleViews.Status.processing, stored.sourceKey(), location));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "List articles, newest first",
            description = "Served by the table's byDate index; filters apply within it. Pass nextCursor back as cursor for the next page.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleViews.ArticleList.class)))
    @ApiResponse(responseCode = "400", description = "Invalid input: the problem lists each field and why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArticleViews.ArticleList list(
            @QueryValue @Nullable @Parameter(description = "1 to 100, default 20") String limit,
            @QueryValue @Nullable @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryValue @Nullable @Parameter(description = "only articles with this tag") String tag,
            @QueryValue @Nullable @Parameter(description = "only articles with this sentiment label, e.g. negative") String sentiment) {
        int size = limit(limit);
        ArticleTable.ArticlePage page;
        try {
            page = table.list(new ArticleTable.ArticleQuery(size, blankToNull(cursor), blankToNull(tag), blankToNull(sentiment)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "not a cursor this API gave out");
        }
        return new ArticleViews.ArticleList(
                page.items().stream().map(r -> ArticleViews.Summary.of(r, pageUrl(r.id()))).toList(), page.nextCursor());
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "One article's full record",
            description = "With an ETag; send it back in If-None-Match to get 304 while nothing changed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleViews.Article.class)))
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "400", description = "Invalid input: the problem lists each field and why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such article, or no published page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ArticleViews.Article> get(@PathVariable String id,
                                                  @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        ArticleRecord record = existing(id);
        ArticleViews.Status status = site.head(ArticleKeys.pageKey(id)).isPresent()
                ? ArticleViews.Status.published : ArticleViews.Status.processing;
        String etag = "\"v" + record.version() + "-" + status.name() + "\"";
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return HttpResponse.<ArticleViews.Article>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(ArticleViews.Article.of(record, status, pageUrl(id), siteBaseUrl + ArticleKeys.recordKey(id)))
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    @Get(uri = "/{id}/page", produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "The published page",
            description = "302 to the page on the site; with inline=true the HTML itself.")
    @ApiResponse(responseCode = "200", description = "The page (inline=true)", content = @Content(mediaType = MediaType.TEXT_HTML))
    @ApiResponse(responseCode = "302", description = "Redirect to the page on the site")
    @ApiResponse(responseCode = "404", description = "No such article, or no published page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<byte[]> page(@PathVariable String id,
                                     @QueryValue(defaultValue = "false") boolean inline) {
        requireValidId(id);
        String key = ArticleKeys.pageKey(id);
        if (!inline) {
            if (site.head(key).isEmpty()) {
                throw new ProblemException(ProblemType.PAGE_NOT_PUBLISHED, "Article " + id + " has no published page.");
            }
            return HttpResponse.<byte[]>status(HttpStatus.FOUND).headers(h -> h.location(URI.create(pageUrl(id))));
        }
        ObjectStore.StoredObject page = site.get(key, Long.MAX_VALUE).orElseThrow(() ->
                new ProblemException(ProblemType.PAGE_NOT_PUBLISHED, "Article " + id + " has no published page."));
        return HttpResponse.ok(page.content()).contentType(PublishArticleService.HTML);
    }

    @Post(uri = "/{id}/republish", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Render and publish the current record again", security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")})
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleViews.Republished.class)))
    @ApiResponse(responseCode = "401", description = "No or malformed credentials, or writes are not configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The credentials are not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such article, or no published page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArticleViews.Republished republish(@PathVariable String id) {
        ArticleRecord record = existing(id);
        PublishArticleService.Outcome outcome = publisher.publish(new ArticleChange(ArticleChange.Type.MODIFY, record, record));
        return new ArticleViews.Republished(id, outcome.result().name().toLowerCase(), pageUrl(id));
    }

    @Delete(uri = "/{id}", consumes = MediaType.ALL)
    @Operation(summary = "Unpublish: delete the record and its page (the original upload is kept)",
            description = "With If-Match (an ETag of GET /articles/{id}, or \"v<version>\") only if the record is still that version.",
            security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")})
    @ApiResponse(responseCode = "204", description = "Unpublished")
    @ApiResponse(responseCode = "400", description = "Invalid input: the problem lists each field and why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "No or malformed credentials, or writes are not configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The credentials are not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such article, or no published page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "If-Match names another version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<Void> unpublish(@PathVariable String id, @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        Long expected = expectedVersion(ifMatch);
        ArticleRecord record = existing(id);
        if (expected != null && record.version() != expected) {
            throw conflict(id, expected, record.version());
        }
        if (!table.delete(id, record.version())) {
            Optional<ArticleRecord> now = table.find(id);
            if (now.isEmpty()) {
                throw notFound(id);
            }
            throw conflict(id, record.version(), now.get().version());
        }
        // The stream's REMOVE does the same again later; doing it now makes the page disappear with this call.
        publisher.publish(new ArticleChange(ArticleChange.Type.REMOVE, record, null));
        return HttpResponse.noContent();
    }

    private ArticleRecord existing(String id) {
        requireValidId(id);
        return table.find(id).orElseThrow(() -> notFound(id));
    }

    private static void requireValidId(String id) {
        if (!ArticleIds.isValid(id)) {
            throw ProblemException.invalid("id", "not an article id (lower-case letters, digits and hyphens)");
        }
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No article " + id + ".");
    }

    private static ProblemException conflict(String id, long expected, long actual) {
        return new ProblemException(ProblemType.VERSION_CONFLICT,
                "Article " + id + " is at version " + actual + ", not " + expected + ".");
    }

    private String pageUrl(String id) {
        return siteBaseUrl + ArticleKeys.pageKey(id);
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher m = VERSION_TAG.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw ProblemException.invalid(HttpHeaders.IF_MATCH, "expected an ETag of this article, e.g. \"v3\"");
        }
        return Long.parseLong(m.group(1));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
