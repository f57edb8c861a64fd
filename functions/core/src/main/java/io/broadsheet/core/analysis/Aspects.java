package io.broadsheet.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds what an article is about: its named actors, places and organisations (runs of capitalised
 * words, titles dropped, aliases merged: "Mayor Jane Smith" / "Smith", "European Union" / "EU")
 * and its key phrases (content-word pairs and words it repeats). Each aspect keeps the sentences
 * that mention it.
 */
final class Aspects {

    /** An actor or topic with the sentences that mention it, most mentioned first. */
    record Aspect(String name, boolean named, Set<String> keys, List<Integer> sentences, float salience) {
    }

    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady", "mayor", "president", "minister",
            "prime", "senator", "sen", "governor", "gov", "chancellor", "secretary", "chief", "director", "judge",
            "justice", "professor", "councillor", "councilman", "councilwoman", "commissioner", "inspector",
            "officer", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "ceo", "king",
            "queen", "prince", "princess", "pope", "general", "gen", "captain", "capt", "coach", "sheriff",
            "detective", "sergeant", "sgt", "rep", "representative", "lt", "col", "colonel", "deputy", "vice",
            "executive", "superintendent", "chair", "manager", "head", "leader", "rev", "father", "sister",
            "dean", "ambassador", "premier", "mp", "foreign", "finance", "health", "interior", "defence",
            "defense", "economy", "transport", "education", "acting", "former", "new", "state", "owner", "founder",
            "co-founder", "analyst", "economist", "author", "editor", "reporter", "envoy", "union", "councilor",
            "senior", "junior", "lawyer", "attorney", "dr.", "mr.", "mrs.", "ms.");

    private static final Set<String> CONNECTORS = Set.of("of", "for", "de", "van", "von", "der", "du", "la", "al", "del", "da", "on", "&");

    private static final Set<String> CALENDAR = Set.of(
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    private Aspects() {
    }

    /** Aspects of the article, most salient first. */
    static List<Aspect> find(String title, List<String> sentences, SentenceVectors vectors) {
        Set<String> lowerVocabulary = lowerCaseWords(sentences);
        Map<String, Mention> named = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (String phrase : properNouns(sentences.get(i), lowerVocabulary)) {
                named.computeIfAbsent(phrase.toLowerCase(Locale.ROOT), k -> new Mention(phrase)).add(i);
            }
        }
        mergeAliases(named);
        String lowerTitle = title == null ? "" : title.toLowerCase(Locale.ROOT);
        List<Aspect> out = new ArrayList<>();
        for (Mention m : named.values()) {
            if (m.mergedInto != null) {
                continue;
            }
            float salience = m.sentences.size() * 1.2f + leadBonus(m.sentences) + (m.mentionedIn(lowerTitle) ? 1f : 0f);
            out.add(new Aspect(m.display, true, m.keys, List.copyOf(m.sentences), salience));
        }
        out.addAll(topics(sentences, vectors, named, lowerTitle));
        out.sort((a, b) -> Float.compare(b.salience(), a.salience()));
        return out;
    }

    private static float leadBonus(List<Integer> sentences) {
        return sentences.isEmpty() ? 0f : sentences.get(0) < 3 ? 0.75f : sentences.get(0) < 8 ? 0.3f : 0f;
    }

    /** Key phrases: content-word pairs said at least twice, and single content words said three times. */
    private static List<Aspect> topics(List<String> sentences, SentenceVectors vectors, Map<String, Mention> named,
                                       String lowerTitle) {
        Set<String> namedWords = new HashSet<>();
        for (String key : named.keySet()) {
            for (String w : key.split(" ")) {
                namedWords.add(SentenceVectors.fold(w));
            }
        }
        Map<String, Mention> pairs = new LinkedHashMap<>();
        Map<String, Mention> singles = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            List<String> tokens = Words.tokens(sentences.get(i));
            for (int t = 0; t < tokens.size(); t++) {
                String a = tokens.get(t);
                if (!vectors.isContentWord(a) || namedWords.contains(SentenceVectors.fold(a))) {
                    continue;
                }
                singles.computeIfAbsent(SentenceVectors.fold(a), k -> new Mention(a)).add(i);
                if (t + 1 < tokens.size()) {
                    String b = tokens.get(t + 1);
                    if (vectors.isContentWord(b) && !namedWords.contains(SentenceVectors.fold(b))) {
                        String key = SentenceVectors.fold(a) + " " + SentenceVectors.fold(b);
                        pairs.computeIfAbsent(key, k -> new Mention(a + " " + b)).add(i);
                    }
                }
            }
        }
        List<Aspect> out = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (Map.Entry<String, Mention> e : pairs.entrySet()) {
            Mention m = e.getValue();
            if (m.count >= 2) {
                float salience = m.sentences.size() * 1.0f + leadBonus(m.sentences) + (lowerTitle.contains(m.display) ? 1f : 0f);
                out.add(new Aspect(capitalise(m.display), false, Set.of(e.getKey()), List.copyOf(m.sentences), salience));
                covered.addAll(List.of(e.getKey().split(" ")));
            }
        }
        for (Map.Entry<String, Mention> e : singles.entrySet()) {
            Mention m = e.getValue();
            if (m.count >= 3 && !covered.contains(e.getKey())) {
                float salience = m.sentences.size() * 0.8f * Math.min(1f, vectors.idf(e.getKey()))
                        + (lowerTitle.contains(m.display) ? 1f : 0f);
                out.add(new Aspect(capitalise(m.display), false, Set.of(e.getKey()), List.copyOf(m.sentences), salience));
            }
        }
        return out;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final class Mention {
        String display;
        final Set<String> keys = new HashSet<>();
        final List<Integer> sentences = new ArrayList<>();
        int count;
        Mention mergedInto;

        Mention(String display) {
            this.display = display;
            keys.add(display.toLowerCase(Locale.ROOT));
        }

        void add(int sentence) {
            count++;
            if (sentences.isEmpty() || sentences.get(sentences.size() - 1) != sentence) {
                sentences.add(sentence);
            }
        }

        void absorb(Mention other) {
            other.mergedInto = this;
            keys.addAll(other.keys);
            count += other.count;
            Set<Integer> all = new java.util.TreeSet<>(sentences);
            all.addAll(other.sentences);
            sentences.clear();
            sentences.addAll(all);
        }

        boolean mentionedIn(String lowerText) {
            for (String k : keys) {
                if (lowerText.contains(k)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** "Smith" joins "Jane Smith"; "EU" joins "European Union"; the longer form names the aspect. */
    private static void mergeAliases(Map<String, Mention> named) {
        List<Mention> longer = new ArrayList<>();
        for (Mention m : named.values()) {
            if (m.display.indexOf(' ') > 0) {
                longer.add(m);
            }
        }
        longer.sort((a, b) -> Integer.compare(b.count, a.count));
        for (Map.Entry<String, Mention> e : named.entrySet()) {
            Mention m = e.getValue();
            String key = e.getKey();
            for (Mention target : longer) {
                if (target == m || target.mergedInto != null) {
                    continue;
                }
                String[] parts = target.display.toLowerCase(Locale.ROOT).split(" ");
                boolean alias;
                if (key.indexOf(' ') < 0) {
                    alias = key.equals(parts[parts.length - 1]) || key.equals(parts[0]) && !CONNECTORS.contains(key)
                            || isAcronym(m.display, parts);
                } else {
                    String t = target.display.toLowerCase(Locale.ROOT);
                    alias = t.length() > key.length() && (t.endsWith(" " + key) || t.startsWith(key + " "));
                }
                if (alias) {
                    target.absorb(m);
                    break;
                }
            }
        }
    }

    private static boolean isAcronym(String display, String[] parts) {
        if (display.length() < 2 || display.length() > 6 || !display.equals(display.toUpperCase(Locale.ROOT))) {
            return false;
        }
        StringBuilder initials = new StringBuilder();
        for (String p : parts) {
            if (!CONNECTORS.contains(p) && !p.equals("the") && !p.equals("and")) {
                initials.append(p.charAt(0));
            }
        }
        return initials.toString().equalsIgnoreCase(display);
    }

    /** Words that the article also writes in lower case: a capital on them marks a sentence start, not a name. */
    private static Set<String> lowerCaseWords(List<String> sentences) {
        Set<String> out = new HashSet<>();
        for (String s : sentences) {
            int i = 0;
            int n = s.length();
            while (i < n) {
                if (Character.isLetter(s.charAt(i))) {
                    int start = i;
                    while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '\'' || s.charAt(i) == '-')) {
                        i++;
                    }
                    if (Character.isLowerCase(s.charAt(start))) {
                        out.add(s.substring(start, i));
                    }
                } else {
                    i++;
                }
            }
        }
        return out;
    }

    /** Runs of capitalised words in a sentence, as written, without titles, possessives or a leading "The". */
    static List<String> properNouns(String sentence, Set<String> lowerVocabulary) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int n = sentence.length();
        int i = 0;
        boolean sentenceStart = true;
        char gap = ' ';
        while (i <= n) {
            if (i < n && Character.isLetter(sentence.charAt(i))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sentence.charAt(i)) || sentence.charAt(i) == '-'
                        || (sentence.charAt(i) == '.' && i + 1 < n && Character.isLetter(sentence.charAt(i + 1)))
                        || ((sentence.charAt(i) == '\'' || sentence.charAt(i) == '’') && i + 1 < n
                        && Character.isLetter(sentence.charAt(i + 1))))) {
                    i++;
                }
                if (i + 1 < n && sentence.charAt(i) == '.' && sentence.indexOf('.', start) < i) {
                    i++; // keep the final period of a dotted abbreviation: "U.S."
                }
                String word = sentence.substring(start, i);
                if (word.endsWith("'s") || word.endsWith("’s")) {
                    word = word.substring(0, word.length() - 2);
                }
                boolean capital = Character.isUpperCase(word.charAt(0));
                boolean connector = !run.isEmpty() && gap == ' ' && CONNECTORS.contains(word);
                boolean joins = gap == ' ' || gap == '-';
                if (capital && !(sentenceStart && isCommonWord(word, lowerVocabulary))) {
                    if (!joins && !run.isEmpty()) {
                        flush(run, out);
                    }
                    run.add(word);
                } else if (connector) {
                    run.add(word);
                } else {
                    flush(run, out);
                }
                sentenceStart = false;
                gap = i < n ? sentence.charAt(i) : ' ';
                if (gap != ' ' && gap != '-') {
                    flush(run, out);
                }
            } else {
                if (i < n && sentence.charAt(i) == '&' && !run.isEmpty() && i + 1 < n && sentence.charAt(i + 1) == ' ') {
                    run.add("&"); // "Crumb & Co.", "Procter & Gamble"
                    i += 2;
                    gap = ' ';
                    continue;
                }
                i++;
                if (i < n && !Character.isLetter(sentence.charAt(i)) && sentence.charAt(i) != ' '
                        && !(sentence.charAt(i) == '&' && !run.isEmpty())) {
                    flush(run, out);
                }
            }
        }
        flush(run, out);
        return out;
    }

    private static boolean isCommonWord(String word, Set<String> lowerVocabulary) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Words.isStopWord(lower) || lowerVocabulary.contains(lower) || SentimentLexicon.defaultLexicon().contains(lower);
    }

    private static void flush(List<String> run, List<String> out) {
        while (!run.isEmpty() && CONNECTORS.contains(run.get(run.size() - 1))) {
            run.remove(run.size() - 1);
        }
        int from = 0;
        while (from < run.size() && (TITLES.contains(run.get(from).toLowerCase(Locale.ROOT).replace(".", ""))
                || run.get(from).equalsIgnoreCase("the"))) {
            from++;
        }
        if (from < run.size()) {
            List<String> name = run.subList(from, run.size());
            String phrase = String.join(" ", name);
            boolean calendar = name.size() == 1 && CALENDAR.contains(phrase.toLowerCase(Locale.ROOT));
            boolean stop = name.size() == 1 && Words.isStopWord(phrase.toLowerCase(Locale.ROOT));
            if (!calendar && !stop && phrase.length() > 1) {
                out.add(phrase);
            }
        }
        run.clear();
    }
}
