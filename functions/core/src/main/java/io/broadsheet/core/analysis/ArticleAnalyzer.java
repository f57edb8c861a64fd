package io.broadsheet.core.analysis;

import io.broadsheet.core.model.Analysis;
import io.broadsheet.core.model.Article;
import io.broadsheet.core.model.Insight;
import io.broadsheet.core.model.Sentiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an article into its {@link Analysis}: language, word count and reading time, sentiment
 * with grounded bullets, highlights, key insights and keywords. Deterministic and offline: the
 * same article always gives the same analysis. Thread-safe and cheap to share; every step is
 * linear in the article's length (the sentence-similarity graph is capped at a fixed size).
 */
public final class ArticleAnalyzer {

    private static final int WORDS_PER_MINUTE = 230;
    private static final Map<String, String> LANGUAGE_NAMES = Map.of(
            "de", "German", "fr", "French", "es", "Spanish", "it", "Italian", "nl", "Dutch", "pt", "Portuguese");

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final LanguageDetector languages = new LanguageDetector();
    private final SentimentAnalyzer sentiment = new SentimentAnalyzer();
    private final SentimentExplainer explainer = new SentimentExplainer();
    private final HighlightSelector highlights = new HighlightSelector();
    private final InsightExtractor insights = new InsightExtractor();
    private final KeywordExtractor keywords = new KeywordExtractor();

    public Analysis analyze(Article article) {
        List<String> sentences = splitter.split(article.paragraphs());
        ArticleText text = new ArticleText(sentences);
        int words = wordCount(article.paragraphs(), text);
        int minutes = Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
        String language = languages.detect(opening(article), text);
        SentenceVectors vectors = new SentenceVectors(text, language);
        List<Aspects.Aspect> aspects = Aspects.find(article.title(), sentences, vectors);
        List<Insight> rows = insights.extract(aspects, sentences, vectors);
        return new Analysis(language, words, minutes, sentiment(language, text),
                highlights.select(sentences, vectors), rows, keywords.extract(aspects, vectors));
    }

    /**
     * {@link Words#count} over the paragraphs. The sentences hold every word of them (the splitter
     * cuts only at white space and strips only white space), already counted while tokenising;
     * only FS, GS, RS and US are white space to the splitter and not to the count, so a paragraph
     * holding one of those is counted again.
     */
    private static int wordCount(List<String> paragraphs, ArticleText text) {
        for (String paragraph : paragraphs) {
            if (paragraph.indexOf('\u001c') >= 0 || paragraph.indexOf('\u001d') >= 0 || paragraph.indexOf('\u001e') >= 0
                    || paragraph.indexOf('\u001f') >= 0) {
                int words = 0;
                for (String p : paragraphs) {
                    words += Words.count(p);
                }
                return words;
            }
        }
        int words = 0;
        for (int s = 0; s < text.sentenceCount(); s++) {
            words += text.wordCount(s);
        }
        return words;
    }

    /** The start of title + "\n" + body that language detection reads, without joining the whole body. */
    private static String opening(Article article) {
        StringBuilder text = new StringBuilder(LanguageDetector.SAMPLE_CHARS + 16).append(article.title()).append('\n');
        List<String> paragraphs = article.paragraphs();
        for (int p = 0; p < paragraphs.size() && text.length() < LanguageDetector.SAMPLE_CHARS; p++) {
            if (p > 0) {
                text.append("\n\n");
            }
            text.append(paragraphs.get(p));
        }
        return text.length() > LanguageDetector.SAMPLE_CHARS ? text.substring(0, LanguageDetector.SAMPLE_CHARS) : text.toString();
    }

    /** The sentence-level sentiment reading (per-sentence scores included) of an article, whatever its language. */
    public SentimentAnalyzer.Reading readSentiment(Article article) {
        return sentiment.read(splitter.split(article.paragraphs()));
    }

    private Sentiment sentiment(String language, ArticleText text) {
        if (!language.equals("en") && !language.equals(LanguageDetector.UNDETERMINED)) {
            String name = LANGUAGE_NAMES.getOrDefault(language, language.toUpperCase(Locale.ROOT));
            return new Sentiment(null, Sentiment.NOT_SCORED, List.of(
                    "Not scored: the article appears to be in " + name
                            + ", and the sentiment lexicon covers English only."));
        }
        SentimentAnalyzer.Reading reading = sentiment.read(text);
        return new Sentiment(reading.score(), reading.label(), explainer.explain(reading));
    }
}
