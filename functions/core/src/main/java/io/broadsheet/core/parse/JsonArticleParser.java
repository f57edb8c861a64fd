package io.broadsheet.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.pipeline.ArticleJson;
import io.broadsheet.core.pipeline.ArticleRejectedException;
import io.broadsheet.core.pipeline.RejectionReason;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code {"title","author","publishedAt","tags","body"}}; body paragraphs are separated by blank lines. */
final class JsonArticleParser implements ArticleParser {

    @Override
    public Article parse(byte[] content, String fileName) {
        JsonNode root;
        try {
            root = ArticleJson.mapper().readTree(content);
        } catch (IOException e) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "expected a JSON object");
        }
        String title = text(root, "title");
        if (title == null || title.isBlank()) {
            throw new ArticleRejectedException(RejectionReason.NO_TITLE, "the field 'title' is missing or blank");
        }
        String body = text(root, "body");
        List<String> paragraphs = body == null ? List.of() : Arrays.stream(body.split("\\n\\s*\\n"))
                .map(p -> p.replaceAll("\\s+", " ").trim()).filter(p -> !p.isEmpty()).toList();
        if (paragraphs.isEmpty()) {
            throw new ArticleRejectedException(RejectionReason.NO_BODY, "the field 'body' is missing or blank");
        }
        List<String> tags = new ArrayList<>();
        root.path("tags").forEach(t -> tags.add(t.asText().replaceFirst("^#", "").trim()));
        String date = text(root, "publishedAt");
        return new Article(title.trim(), text(root, "author"), null,
                date == null ? null : Dates.parse(date).orElse(null), tags, paragraphs);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
