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
 * with grounded bullets, highlights, key insights and keywords. Each sentence is encoded once by the
 * {@link SentenceEncoder}; sentiment and highlights read those vectors. Deterministic and offline: the
 * same article always gives the same analysis. Thread-safe and cheap to share; the encoder's work is
 * bounded by {@link SentenceEmbeddings#MAX_ENCODED} sentences however long the article is.
 */
public final class ArticleAnalyzer {

    private static final int WORDS_PER_MINUTE = 230;
    private static final Map<String, String> LANGUAGE_NAMES = Map.of(
            "de", "German", "fr", "French", "es", "Spanish", "it", "Italian", "nl", "Dutch", "pt", "Portuguese");

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final LanguageDetector languages = new LanguageDetector();
    private final SentenceEncoder encoder;
    private final SentimentAnalyzer sentiment;
    private final SentimentExplainer explainer = new SentimentExplainer();
    private final HighlightSelector highlights = new HighlightSelector();
    private final InsightExtractor insights = new InsightExtractor();
    private final KeywordExtractor keywords = new KeywordExtractor();

    public ArticleAnalyzer(SentenceEncoder encoder, SentimentHead head) {
        if (encoder.dimensions() != head.weights().length) {
            throw new IllegalArgumentException("the sentiment head was trained for " + head.encoder()
                    + " (" + head.weights().length + " dimensions), the encoder gives " + encoder.dimensions());
        }
        this.encoder = encoder;
        this.sentiment = new SentimentAnalyzer(head);
    }

    public Analysis analyze(Article article) {
        List<String> sentences = splitter.split(article.paragraphs());
        ArticleText text = new ArticleText(sentences);
        int words = wordCount(article.paragraphs(), text);
        int minutes = Math.max(1, Math.round(words / (float) WORDS_PER_MINUTE));
        String language = languages.detect(opening(article), text);
        SentenceEmbeddings embeddings = SentenceEmbeddings.encode(encoder, sentences);
        SentenceVectors vectors = new SentenceVectors(text, language);
        List<Aspects.Aspect> aspects = Aspects.find(article.title(), sentences, vectors);
        List<Insight> rows = insights.extract(aspects, sentences, vectors);
        return new Analysis(language, words, minutes, sentiment(language, sentences, embeddings),
                highlights.select(sentences, text, embeddings), rows, keywords.extract(aspects, vectors));
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

    /** The tone of a text read as one document, as an article's body would be: what {@code eval} scores. */
    public Sentiment sentimentOf(String text) {
        List<String> sentences = splitter.split(text);
        String sample = text.length() > LanguageDetector.SAMPLE_CHARS ? text.substring(0, LanguageDetector.SAMPLE_CHARS) : text;
        return sentiment(languages.detect(sample), sentences, SentenceEmbeddings.encode(encoder, sentences));
    }

    private Sentiment sentiment(String language, List<String> sentences, SentenceEmbeddings embeddings) {
        if (!language.equals("en") && !language.equals(LanguageDetector.UNDETERMINED)) {
            String name = LANGUAGE_NAMES.getOrDefault(language, language.toUpperCase(Locale.ROOT));
            return new Sentiment(null, Sentiment.NOT_SCORED, List.of(
                    "Not scored: the article appears to be in " + name
                            + ", and the sentiment model reads English only."));
        }
        SentimentAnalyzer.Reading reading = sentiment.read(sentences, embeddings.indices(), embeddings.vectors());
        return new Sentiment(reading.score(), reading.label(), explainer.explain(reading));
    }
}
