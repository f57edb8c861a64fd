package io.broadsheet.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleJson;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code {"title","author","publishedAt","tags","body"}}: body paragraphs are separated by blank
 * lines (an array of paragraphs is accepted too); tags are a list or a comma string; optional
 * {@code authorRole}/{@code role}.
 */
final class JsonArticleParser implements TextFormatParser {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n");

    @Override
    public Article parseText(String text, String fileName) {
        JsonNode root;
        try {
            root = ArticleJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED,
                    "not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new ArticleRejectedException(RejectionReason.MALFORMED, "expected a JSON object with title and body");
        }
        String title = Texts.blankToNull(scalar(root.get("title")));
        if (title == null) {
            throw new ArticleRejectedException(RejectionReason.NO_TITLE, "the field 'title' is missing or blank");
        }
        List<String> paragraphs = new ArrayList<>();
        JsonNode body = root.get("body");
        if (body != null && body.isArray()) {
            body.forEach(p -> addParagraphs(scalar(p), paragraphs));
        } else {
            addParagraphs(scalar(body), paragraphs);
        }
        if (paragraphs.isEmpty()) {
            throw new ArticleRejectedException(RejectionReason.NO_BODY, "the field 'body' is missing or blank");
        }
        JsonNode tagsNode = root.get("tags");
        List<String> tags;
        if (tagsNode != null && tagsNode.isArray()) {
            List<String> raw = new ArrayList<>();
            tagsNode.forEach(t -> raw.add(scalar(t)));
            tags = Texts.tags(raw);
        } else {
            tags = Texts.splitTags(scalar(tagsNode));
        }
        JsonNode authorNode = root.get("author");
        String author = Texts.blankToNull(authorNode != null && authorNode.isObject() ? scalar(authorNode.get("name")) : scalar(authorNode));
        String role = Texts.blankToNull(scalar(root.has("authorRole") ? root.get("authorRole") : root.get("role")));
        String date = scalar(root.has("publishedAt") ? root.get("publishedAt") : root.get("date"));
        return new Article(title, author, role, Dates.parse(date).orElse(null), tags, paragraphs);
    }

    private static void addParagraphs(String text, List<String> out) {
        if (text == null) {
            return;
        }
        for (String p : BLANK_LINE.split(text.replace("\r\n", "\n").replace('\r', '\n'))) {
            String cleaned = Texts.clean(p);
            if (!cleaned.isEmpty()) {
                out.add(cleaned);
            }
        }
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}
