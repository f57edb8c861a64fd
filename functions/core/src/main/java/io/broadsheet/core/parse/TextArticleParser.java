package io.broadsheet.core.parse;

import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.ArticleRejectedException;
import io.broadsheet.core.model.RejectionReason;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text: the title on the first line, optional header lines ({@code By:}/{@code Author:},
 * {@code Date:}, {@code Tags:}), then paragraphs separated by blank lines.
 *
 * <p>Text copied or exported from a news page carries the page's own furniture around the story;
 * it is recognised by its shape, not by one site's wording alone: a repeated headline marks where
 * the story starts, known box headings ("Highlights", "Sentiment analysis", "Key Insights"...)
 * open boxes whose bullets, scores and table rows are dropped, share lines are dropped, date lines
 * ({@code Published:}, {@code Updated:}, {@code Last edited at:}) give the date, lines of hashtags
 * give tags, and a byline ("By Jane Doe, Transport correspondent", "— Jane Doe") gives the author
 * and role wherever it stands.
 */
final class TextArticleParser implements TextFormatParser {

    private static final Pattern HEADER = Pattern.compile(
            "(?i)^(by|author|written by|date|tags|keywords|title|role)\\s*:\\s*(.*)$");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?i)^(?:published|updated|last updated|last edited|last modified|posted|first published|date)"
                    + "(?:\\s+(?:at|on))?\\s*:?\\s*(.+)$");
    private static final Pattern HASHTAG_LINE = Pattern.compile("^#[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*(?:[\\s,]+#[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*)*$");
    private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*)");
    private static final String NAME = "(\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:(?:de|van|von|der|da|di|le|la|bin|al)\\s+)?\\p{Lu}[\\p{L}'’.-]*){0,3})";
    private static final Pattern BYLINE = Pattern.compile("^(?:(?i:by|written by)\\s+|[—–-]{1,2}\\s*)" + NAME
            + "(?:\\s*(?:,|\\||—|–|-)\\s*(.{2,80}?))?$");
    private static final Pattern SHARE_LINE = Pattern.compile(
            "(?i)^(?:(?:share(?: this(?: article| story)?)?|copy link|copy|link copied|tweet|email|e-mail|print|save|facebook|twitter|x|linkedin"
                    + "|whatsapp|reddit|pinterest|telegram|bluesky|threads|comments?|follow)(?:\\s*(?:[|·•/,]\\s*)?))+$");
    /** Single lines a page puts among the paragraphs: ad labels, reading time, captions, relative dates. */
    private static final Pattern FURNITURE_LINE = Pattern.compile(
            "(?i)^(?:advertisement|skip advertisement|continue reading.{0,40}|listen to this article.{0,20}|\\d{1,3} min(?:ute)?s? read"
                    + "|(?:image|photo|picture|video) (?:caption|credit)\\s*:?.{0,200}|(?:photo|image|picture|credit)s?\\s*:.{0,120}"
                    + "|(?:published|updated|posted|last edited)(?:\\s+(?:at|on))?\\s*:?\\s*\\d{1,3}\\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?) ago)$");
    private static final Pattern BOX_HEADING = Pattern.compile(
            "(?i)^(?:highlights?|key highlights|story highlights|sentiment(?: analysis| score)?|key insights?|insights"
                    + "|key (?:takeaways|points|facts)|takeaways|summary|at a glance|tl;?dr|in brief|in short|quick read"
                    + "|related(?: stories| articles| content| reading)?|read (?:more|next|also)|more (?:stories|like this|on this (?:story|topic)|from .{1,40})|see also|also read"
                    + "|recommended(?: for you)?|most (?:read|popular)|you may also like|trending|comments?|advertisement"
                    + "|sponsored|newsletter|sign up.{0,40}|subscribe.{0,40}|table of contents|contents)\\s*:?$");
    private static final Pattern STORY_HEADING = Pattern.compile(
            "(?i)^(?:article(?: text| body)?|story|full (?:story|article|text)|the story|body)\\s*:?$");
    private static final Pattern BULLET = Pattern.compile("^(?:[•·▪◦‣*+-]|\\d{1,2}[.)])\\s+.*");
    private static final Pattern SCORE_LINE = Pattern.compile(
            "(?i)^(?:sentiment|score|overall)?\\s*:?\\s*\\d{1,3}(?:[.,]\\d+)?\\s*%.*$|^(?:very\\s+)?(?:positive|negative|neutral|mixed)\\s*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^[^|]*\\S\\s*\\|\\s*\\S.*$|^\\|.*\\|$|^[^\\t]+\\t+[^\\t]+.*$|^[\\s|:+-]{3,}$");
    private static final int WRAP_WIDTH = 80;
    /** Tabs between cells (spreadsheet or table copies) become the pipe that marks a table row. */
    private static final Pattern TAB = Pattern.compile("(?m)(?<=\\S)[ ]*\\t+[ \\t]*(?=\\S)");

    @Override
    public Article parseText(String text, String fileName) {
        String[] lines = Texts.cleanKeepingLines(TAB.matcher(text).replaceAll(" | ")).split("\n", -1);
        Reader reader = new Reader();
        int i = 0;
        while (i < lines.length && lines[i].isEmpty()) {
            i++;
        }
        if (i == lines.length) {
            throw new ArticleRejectedException(RejectionReason.EMPTY, "the file has no text");
        }
        i = skipMasthead(lines, i);
        String first = lines[i++];
        Matcher titleHeader = HEADER.matcher(first);
        reader.title = titleHeader.matches() && titleHeader.group(1).equalsIgnoreCase("title")
                ? titleHeader.group(2).strip() : first.replaceFirst("^#+\\s+", "");
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new ArrayList<>();
                }
            } else {
                block.add(lines[i]);
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        blocks.forEach(reader::read);
        List<String> paragraphs = reader.storyStart < reader.paragraphs.size()
                ? reader.paragraphs.subList(reader.storyStart, reader.paragraphs.size()) : reader.paragraphs;
        if (reader.title.isBlank()) {
            throw new ArticleRejectedException(RejectionReason.NO_TITLE, "the first line is empty");
        }
        if (paragraphs.isEmpty()) {
            throw new ArticleRejectedException(RejectionReason.NO_BODY, "the file has a title but no body");
        }
        return new Article(reader.title, reader.author, reader.role, reader.date, Texts.tags(reader.tags), paragraphs);
    }

    /**
     * A page copied whole starts with the site's masthead, a navigation bar and a section label above
     * the headline. When the lines before the first box, date or prose include a navigation bar, the
     * headline is the longest headline-like line there, and what stands above it is skipped.
     *
     * @return the index of the headline line ({@code start} when there is no masthead)
     */
    private static int skipMasthead(String[] lines, int start) {
        boolean navigation = false;
        int best = -1;
        int bestWords = 0;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (HEADER.matcher(line).matches() || DATE_LINE.matcher(line).matches() || BOX_HEADING.matcher(line).matches()
                    || STORY_HEADING.matcher(line).matches() || isProse(line)) {
                break;
            }
            if (line.chars().filter(c -> c == '|').count() >= 2) {
                navigation = true;
                continue;
            }
            int words = line.split("\\s+").length;
            if (words > bestWords) {
                best = i;
                bestWords = words;
            }
        }
        return navigation && best > start ? best : start;
    }

    private static boolean isProse(String line) {
        return line.matches(".*[.!?][\"”’)]?$") && line.split("\\s+").length >= 8;
    }

    /** The state of one pass over the blocks: metadata found so far, the story's paragraphs, whether a box is open. */
    private static final class Reader {
        String title;
        String author;
        String role;
        Instant date;
        final List<String> tags = new ArrayList<>();
        final List<String> paragraphs = new ArrayList<>();
        /** Where the story starts: after the last repetition of the headline that is followed by text. */
        int storyStart;
        /** Inside a site box: its blocks are dropped until prose resumes. */
        boolean inBox;
        /** The box's heading stood alone, so the next block is the box's content whatever it looks like. */
        boolean boxNeedsContent;

        void read(List<String> block) {
            List<String> kept = new ArrayList<>();
            boolean headingOpensBox = false;
            for (int i = 0; i < block.size(); i++) {
                String line = block.get(i);
                if (metadata(line, block.size() == 1)) {
                    continue;
                }
                if (SHARE_LINE.matcher(line).matches() || TABLE_ROW.matcher(line).matches() || FURNITURE_LINE.matcher(line).matches()) {
                    continue;
                }
                if (same(line, title)) {
                    // the headline again: what came before it was the site's furniture (if the story follows)
                    storyStart = paragraphs.size();
                    inBox = false;
                    boxNeedsContent = false;
                    kept.clear();
                    continue;
                }
                if (STORY_HEADING.matcher(line).matches()) {
                    inBox = false;
                    boxNeedsContent = false;
                    kept.clear();
                    continue;
                }
                if (BOX_HEADING.matcher(line).matches()) {
                    inBox = true;
                    headingOpensBox = true;
                    boxNeedsContent = i == block.size() - 1;
                    kept.clear();
                    continue;
                }
                if (headingOpensBox) {
                    continue; // the rest of the heading's own block is the box's content
                }
                kept.add(line);
            }
            if (kept.isEmpty() || headingOpensBox) {
                return;
            }
            if (inBox) {
                if (boxNeedsContent || boxLike(kept)) {
                    boxNeedsContent = false;
                    return;
                }
                inBox = false;
            }
            paragraphs.addAll(paragraphsOf(kept));
        }

        /** Consumes a header, date, hashtag or byline line; true when the line was metadata. */
        private boolean metadata(String line, boolean alone) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                String key = header.group(1).toLowerCase(Locale.ROOT);
                String value = header.group(2).strip();
                switch (key) {
                    case "by", "author", "written by" -> byline(value);
                    case "date" -> {
                        Optional<Instant> parsed = Dates.parse(value);
                        if (parsed.isEmpty()) {
                            return false;
                        }
                        date = date == null ? parsed.get() : date;
                    }
                    case "tags", "keywords" -> tags.addAll(Texts.splitTags(value));
                    case "role" -> role = Texts.blankToNull(value);
                    default -> {
                        return false;
                    }
                }
                return true;
            }
            Matcher dateLine = DATE_LINE.matcher(line);
            if (dateLine.matches() && line.length() < 80) {
                Optional<Instant> parsed = Dates.parse(dateLine.group(1));
                if (parsed.isPresent()) {
                    date = date == null ? parsed.get() : date;
                    return true;
                }
            }
            if (HASHTAG_LINE.matcher(line).matches()) {
                Matcher tag = HASHTAG.matcher(line);
                while (tag.find()) {
                    tags.add(tag.group(1));
                }
                return true;
            }
            if (alone && line.length() <= 120 && !line.endsWith(".") && !line.endsWith("!") && !line.endsWith("?")
                    && BYLINE.matcher(line).matches() && roleIsShort(line)) {
                byline(line);
                return true;
            }
            return false;
        }

        /** A role is a few words ("Transport correspondent", "Reuters"), not the rest of a sentence. */
        private static boolean roleIsShort(String line) {
            Matcher m = BYLINE.matcher(line);
            return m.matches() && (m.group(2) == null || m.group(2).split("\\s+").length <= 5);
        }

        private void byline(String value) {
            Matcher m = BYLINE.matcher(value.startsWith("—") || value.startsWith("-") || value.toLowerCase(Locale.ROOT).startsWith("by ")
                    ? value : "By " + value);
            if (m.matches()) {
                author = m.group(1).strip();
                if (m.group(2) != null && role == null) {
                    role = m.group(2).strip();
                }
            } else {
                author = Texts.blankToNull(value);
            }
        }

        private static boolean boxLike(List<String> lines) {
            for (String line : lines) {
                boolean furniture = BULLET.matcher(line).matches() || SCORE_LINE.matcher(line).matches()
                        || (line.length() < 40 && !HtmlBodyExtractor.endsSentence(line));
                if (!furniture) {
                    return false;
                }
            }
            return true;
        }

        /** A hard-wrapped block is one paragraph; a block of long lines is one paragraph per line; bullets stay items. */
        private static List<String> paragraphsOf(List<String> lines) {
            List<String> out = new ArrayList<>();
            boolean wrapped = true;
            for (int i = 0; i < lines.size() - 1; i++) {
                if (lines.get(i).length() > WRAP_WIDTH) {
                    wrapped = false;
                }
            }
            StringBuilder current = new StringBuilder();
            for (String line : lines) {
                boolean bullet = BULLET.matcher(line).matches();
                if (bullet || !wrapped) {
                    flush(current, out);
                    current.append(line);
                    if (!wrapped && !bullet) {
                        flush(current, out);
                    }
                } else {
                    current.append(current.isEmpty() ? "" : " ").append(line);
                }
            }
            flush(current, out);
            return out;
        }

        private static void flush(StringBuilder current, List<String> out) {
            if (!current.isEmpty()) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }

        private static boolean same(String line, String title) {
            return line.replaceFirst("^#+\\s+", "").equalsIgnoreCase(title);
        }
    }
}
