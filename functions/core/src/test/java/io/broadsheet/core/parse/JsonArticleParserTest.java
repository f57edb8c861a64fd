package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonArticleParserTest {

    private final ArticleParsers parsers = new ArticleParsers();

    private Article parse(String json) {
        return parsers.parse("story.json", "application/json", json.getBytes(StandardCharsets.UTF_8)).article();
    }

    @Test
    void parse_readsAllFields_whenDocumentIsComplete() {
        Article article = parse("""
                {"title": "Council backs two new tram lines", "author": "Jane Doe", "publishedAt": "2025-09-05T08:30:00Z",
                 "tags": ["Transit", "#Budget", "transit"],
                 "body": "The city council voted on Friday to fund two new tram lines.\\n\\nConstruction starts in 2027.\\n   \\n"}
                """);

        assertThat(article.title()).isEqualTo("Council backs two new tram lines");
        assertThat(article.author()).isEqualTo("Jane Doe");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-09-05T08:30:00Z"));
        assertThat(article.tags()).containsExactly("Transit", "Budget");
        assertThat(article.paragraphs()).containsExactly(
                "The city council voted on Friday to fund two new tram lines.", "Construction starts in 2027.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated object      | {\"title\": \"T\", \"body\": \"B\"                     | MALFORMED",
            "not JSON at all       | {title: T}                                           | MALFORMED",
            "array instead         | [{\"title\": \"T\", \"body\": \"B\"}]                | MALFORMED",
            "missing title         | {\"body\": \"Some text.\"}                           | NO_TITLE",
            "blank title           | {\"title\": \"  \", \"body\": \"Some text.\"}        | NO_TITLE",
            "title is an object    | {\"title\": {\"x\": 1}, \"body\": \"Some text.\"}    | NO_TITLE",
            "missing body          | {\"title\": \"T\"}                                   | NO_BODY",
            "blank body            | {\"title\": \"T\", \"body\": \"\\n\\n \"}            | NO_BODY",
            "null body             | {\"title\": \"T\", \"body\": null}                   | NO_BODY"})
    void parse_rejects_whenDocumentCannotBeAnArticle(String name, String json, RejectionReason reason) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(ArticleRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
