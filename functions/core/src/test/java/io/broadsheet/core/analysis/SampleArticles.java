package io.broadsheet.core.analysis;

import io.broadsheet.core.model.Article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Realistic articles we wrote for the analysis tests: title on the first line, paragraphs split by blank lines. */
final class SampleArticles {

    static final List<String> ENGLISH = List.of(
            "council-trams.txt", "factory-layoffs.txt", "bakery-review.txt", "ceasefire-talks.txt", "short-notice.txt");

    private SampleArticles() {
    }

    static Article load(String name) {
        try (InputStream in = SampleArticles.class.getResourceAsStream("/analysis/articles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample article " + name);
            }
            String[] blocks = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\n\\s*\\n");
            List<String> paragraphs = new ArrayList<>(Arrays.asList(blocks).subList(1, blocks.length));
            paragraphs.replaceAll(String::strip);
            return new Article(blocks[0].strip(), null, null, null, List.of(), paragraphs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article of(String title, String... paragraphs) {
        return new Article(title, null, null, null, List.of(), List.of(paragraphs));
    }
}
