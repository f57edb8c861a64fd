package io.broadsheet.encoder.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a labelled sentiment set in {@code shared/eval/sentiment} (its README describes them).
 *
 * @param set     the file's name without {@code .jsonl}
 * @param group   what the item belongs to (the NYT article of a sentence), else its id: folds split by it
 * @param label   "positive", "negative" or "neutral"
 * @param score   the mean human rating (−4..+4) where the set has one, else NaN
 */
public record LabelledText(String set, String id, String group, String text, String label, double score) {

    public boolean polar() {
        return label.equals("positive") || label.equals("negative");
    }

    public boolean positive() {
        return label.equals("positive");
    }

    public static List<LabelledText> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        String set = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        List<LabelledText> items = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            String id = node.path("id").asText();
            items.add(new LabelledText(set, id, node.path("article").asText(id), node.path("text").asText(),
                    node.path("label").asText(), node.hasNonNull("score") ? node.path("score").asDouble() : Double.NaN));
        }
        return items;
    }
}
