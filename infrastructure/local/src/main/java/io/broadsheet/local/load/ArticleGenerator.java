package io.broadsheet.local.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.core.model.SourceFormat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic news articles of a given length, made of realistic sentences (named people and
 * places, numbers, quotes, positive and negative turns) so that sentence splitting, sentiment and
 * key-insight extraction do the work they do on real news. Same seed, length and format, same bytes.
 * Used by the JMH benchmarks, the cold-start harness, {@code bench e2e} and the burst check.
 */
public final class ArticleGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PEOPLE = List.of(
            "Maria Okafor", "Daniel Weber", "Priya Raman", "Tomás Herrera", "Helen Cho", "Samuel Adeyemi",
            "Ingrid Larsen", "Yusuf Demir");
    private static final List<String> PLACES = List.of(
            "Riverside", "the harbour district", "Northgate", "the old town", "Eastfield", "the university quarter");
    private static final List<String> SENTENCES = List.of(
            "The city council voted on Friday to fund two new tram lines through {place}.",
            "{person}, who chairs the transport committee, said the decision was long overdue.",
            "The project is expected to cost {n} million euros over the next six years.",
            "Critics warned that the budget leaves little room for repairs to existing bridges.",
            "Residents of {place} welcomed the plan, saying buses there are slow and often full.",
            "\"We have waited a decade for this,\" said {person}, a shop owner on the main square.",
            "Construction is due to start next spring, once the final permits are approved.",
            "The opposition called the vote rushed and demanded an independent review of the costs.",
            "Officials estimate that the new lines will carry {n} thousand passengers a day.",
            "Local businesses fear months of disruption while the tracks are laid.",
            "The regional government has promised to cover a third of the total cost.",
            "{person} described the agreement as a fair compromise between speed and caution.",
            "Ticket prices will stay the same for at least two years, the operator confirmed.",
            "A similar scheme in a neighbouring city ran two years late and far over budget.",
            "Environmental groups praised the plan as a real step towards cleaner air in {place}.",
            "Traffic on the ring road has grown by {n} percent since the last census.",
            "The mayor thanked volunteers who collected more than {n} thousand signatures.",
            "Engineers found cracks in the old viaduct during a routine inspection last winter.",
            "Unemployment in the region fell slightly, although wages have barely kept up with prices.",
            "The hospital in {place} will get a new stop right at its main entrance.",
            "Several councillors abstained, citing concerns about noise for nearby homes.",
            "{person} warned that delays would hurt the poorest neighbourhoods the most.",
            "The first trams are scheduled to run before the end of the decade.",
            "Cyclists asked for protected lanes alongside the new tracks, and the council agreed to study it.",
            "Rents in {place} have risen sharply, and some fear the new line will push them higher still.",
            "The committee will publish a detailed timetable in the coming weeks.",
            "Police reported a calm protest outside the town hall during the debate.",
            "Analysts at the regional bank expect the project to create about {n} hundred jobs.",
            "Schools along the route will receive funding for safer crossings.",
            "{person} said the council had learned from mistakes made on earlier projects.",
            "A storm last autumn flooded the depot and damaged several older vehicles.",
            "Surveys show that most residents support public transport but dislike the construction work.",
            "The contract includes penalties if the builder misses key deadlines.",
            "Night services will be extended on weekends, a move popular with students in {place}.",
            "Some shop owners reported that sales dropped during earlier road works.",
            "The national rail operator has agreed to coordinate timetables at the central station.");
    private static final List<String> TITLES = List.of(
            "Council approves two new tram lines", "Transit plan divides {place}",
            "City bets on trams to ease traffic", "Budget vote clears way for new lines");
    private static final List<String> TAGS = List.of("Transport", "City council", "Budget", "Environment", "Housing");

    private ArticleGenerator() {
    }

    /** One generated article before it is written in a format. */
    private record Draft(String title, String author, String date, List<String> tags, List<String> paragraphs) {
    }

    /** Markdown with YAML front matter, about {@code words} words of body. */
    public static String markdown(int words, long seed) {
        Draft d = draft(words, seed);
        StringBuilder md = new StringBuilder(words * 7);
        md.append("---\n")
                .append("title: \"").append(d.title()).append("\"\n")
                .append("author: ").append(d.author()).append('\n')
                .append("date: ").append(d.date()).append('\n')
                .append("tags: [").append(String.join(", ", d.tags())).append("]\n")
                .append("---\n\n");
        d.paragraphs().forEach(p -> md.append(p).append("\n\n"));
        return md.toString();
    }

    public static byte[] markdownBytes(int words, long seed) {
        return markdown(words, seed).getBytes(StandardCharsets.UTF_8);
    }

    /** The same article as {@link #markdown} in any accepted upload format, as UTF-8 bytes. */
    public static byte[] bytes(SourceFormat format, int words, long seed) {
        String text = switch (format) {
            case MARKDOWN -> markdown(words, seed);
            case TEXT -> text(draft(words, seed));
            case HTML -> html(draft(words, seed));
            case JSON -> json(draft(words, seed));
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Title line, {@code By:}/{@code Date:}/{@code Tags:} header lines, then paragraphs. */
    private static String text(Draft d) {
        StringBuilder txt = new StringBuilder();
        txt.append(d.title()).append('\n')
                .append("By: ").append(d.author()).append('\n')
                .append("Date: ").append(d.date()).append('\n')
                .append("Tags: ").append(String.join(", ", d.tags())).append("\n\n");
        d.paragraphs().forEach(p -> txt.append(p).append("\n\n"));
        return txt.toString();
    }

    /** A small news page: metadata in {@code <meta>}, the story in {@code <article>}, some site furniture around it. */
    private static String html(Draft d) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(d.title())).append(" | The Riverside Herald</title>\n")
                .append("<meta name=\"author\" content=\"").append(escape(d.author())).append("\">\n")
                .append("<meta property=\"article:published_time\" content=\"").append(d.date()).append("\">\n");
        d.tags().forEach(t -> html.append("<meta property=\"article:tag\" content=\"").append(escape(t)).append("\">\n"));
        html.append("</head>\n<body>\n<header><nav><a href=\"/\">Home</a> | <a href=\"/city\">City</a></nav></header>\n")
                .append("<article>\n<h1>").append(escape(d.title())).append("</h1>\n");
        d.paragraphs().forEach(p -> html.append("<p>").append(escape(p)).append("</p>\n"));
        html.append("</article>\n<footer>© The Riverside Herald</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The API's submission shape: title, author, publishedAt, tags, body (paragraphs separated by blank lines). */
    private static String json(Draft d) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", d.title());
        doc.put("author", d.author());
        doc.put("publishedAt", d.date());
        doc.put("tags", d.tags());
        doc.put("body", String.join("\n\n", d.paragraphs()));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Draft draft(int words, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String title = fill(TITLES.get(random.nextInt(TITLES.size())), random);
        String author = PEOPLE.get(random.nextInt(PEOPLE.size()));
        String date = "2026-03-" + String.format("%02d", 1 + random.nextInt(28)) + "T09:30:00Z";
        List<String> tags = List.of(TAGS.get(random.nextInt(TAGS.size())), TAGS.get(random.nextInt(TAGS.size())));
        List<String> paragraphs = new ArrayList<>();
        int written = 0;
        while (written < words) {
            int sentences = 3 + random.nextInt(3);
            StringBuilder paragraph = new StringBuilder();
            for (int i = 0; i < sentences && written < words; i++) {
                String sentence = fill(SENTENCES.get(random.nextInt(SENTENCES.size())), random);
                if (!paragraph.isEmpty()) {
                    paragraph.append(' ');
                }
                paragraph.append(sentence);
                written += sentence.split("\\s+").length;
            }
            paragraphs.add(paragraph.toString());
        }
        return new Draft(title, author, date, tags, paragraphs);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fill(String template, SplittableRandom random) {
        String s = template;
        while (s.contains("{person}")) {
            s = s.replaceFirst("\\{person}", PEOPLE.get(random.nextInt(PEOPLE.size())));
        }
        while (s.contains("{place}")) {
            s = s.replaceFirst("\\{place}", PLACES.get(random.nextInt(PLACES.size())));
        }
        while (s.contains("{n}")) {
            s = s.replaceFirst("\\{n}", Integer.toString(2 + random.nextInt(97)));
        }
        return s;
    }
}
