package io.broadsheet.core.parse;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a story's paragraphs in a whole web page.
 *
 * <p>The approach is Readability's, with trafilatura-style cleaning around it: drop what can never
 * be body (scripts, navigation, forms, captions, hidden elements, boxes whose class or id says
 * comment, related, share, newsletter...), cut the rest into text segments at block boundaries,
 * score each segment's ancestors by the prose it holds (length, commas, few links), pick the best
 * container, add siblings that score close to it, then keep the container's segments that read
 * like prose or subheadings. Every step is a single walk of the DOM or of the segments (each
 * segment touches only its ancestors), so the cost stays linear in the page for real-world depths.
 * No site-specific rules: only general signals.
 */
final class HtmlBodyExtractor {

    private static final Set<String> REMOVED_TAGS = Set.of("script", "style", "noscript", "template", "iframe", "svg",
            "canvas", "object", "embed", "video", "audio", "picture", "img", "button", "input", "select", "textarea",
            "option", "nav", "aside", "footer", "figure", "figcaption", "dialog", "link", "meta", "head", "map", "area",
            "label", "math", "title");
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p",
            "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption");
    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "li", "dd", "dt", "blockquote",
            "h1", "h2", "h3", "h4", "h5", "h6", "th", "address");
    private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** Boxes that are never the story, whatever they hold. */
    private static final Pattern STRONG_BOILERPLATE = Pattern.compile(
            "comment(?!ary)|disqus|related|recommend|outbrain|taboola|newsletter|most-?(?:read|popular|viewed)|more-?(?:stories|news|articles)"
                    + "|read-?(?:more|next|also)|also-?(?:read|like)|you-?may|trending|popular|social|share(?!d)|sharing|subscribe(?!r)|signup|sign-up"
                    + "|cookie|consent|gdpr|paywall-?(?:prompt|banner)|(?:^|[-_ ])ads?(?:[-_ ]|$)|advert|sponsor|promo");
    /** Boxes that are usually not the story: removed unless they hold most of the page's prose. */
    private static final Pattern WEAK_BOILERPLATE = Pattern.compile(
            "sidebar|widget|breadcrumb|(?:^|[-_ ])nav|menu|footer|masthead|banner|popup|modal|byline|author|caption"
                    + "|credit|(?:^|[-_ ])tags?(?:[-_ ]|$)|tag-?list|toolbar|(?:^|[-_ ])print|(?:^|[-_ ])skip|pagination|pager|rating"
                    + "|(?:^|[-_ ])meta(?:[-_ ]|$)|header|masthead|dateline|timestamp|(?:^|[-_ ])toc(?:[-_ ]|$)|table-?of-?contents"
                    + "|(?:^|\\s)(?:is-)?hidden(?:\\s|$)|sr-only"
                    + "|visually-?hidden|screen-?reader|offscreen|overlay|teaser|tooltip|login|rss|next-?prev|prev-?next|pager"
                    + "|image|photo|gallery|(?:^|[-_ ])img|thumbnail|excerpt|slideshow");
    /** Containers that name themselves as the story body. */
    private static final Pattern STORY_BODY = Pattern.compile(
            "article-?body|articlebody|story-?body|entry-?content|post-?(?:body|content|entry|text)|article-?(?:content|text)"
                    + "|story-?(?:content|text)|main-?content|body-?text|field-?body|rich-?text|content-?body|article__body");
    /** Quoted posts (tweets, Instagram, Facebook) embedded in the story are part of it. */
    private static final Pattern EMBED = Pattern.compile("embed|twitter-tweet|instagram-media|fb-post");
    private static final Pattern POSITIVE = Pattern.compile("article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|(?:^|\\s)hidden(?:\\s|$)|banner|combx|comment(?!ary)|com-|contact|foot|footnote|gdpr|masthead|media|meta|outbrain|promo|related"
                    + "|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|caption|byline");
    private static final Pattern STATE_OR_TAXONOMY_CLASS = Pattern.compile(
            "(?:has|is|with|no|show|hide-for|category|tag|format|post_format|post-format|type|status)[-_]");
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");
    /** Lines that sites put among the paragraphs: calls to action, ad labels, credits. */
    private static final Pattern BOILERPLATE_LINE = Pattern.compile(
            "(?i)^(?:advertisement|advertising|advert|sponsored|ad|share|share this(?: article| story)?|tweet|email|print|copy link"
                    + "|read more|read next|related|related (?:stories|articles|content)|recommended|more on this story|sign up.*"
                    + "|subscribe.*|follow us.*|click here.*|comments?|leave a comment|loading.*|skip to.*|back to top"
                    + "|(?:photo|image|picture|credit|source)s?\\s*:.*|watch:.*|listen:.*|getty images|ap photo.*|reuters)$");
    /** Short invitations to share, subscribe or comment, and CMS shortcodes that leaked into the text. */
    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "(?i).*\\b(?:share (?:it|this)|tell us what you think|click here|join the conversation|leave a comment"
                    + "|like this (?:story|article))\\b.*"
                    + "|(?i)^(?:sign up|subscribe|follow (?:us|the|our|@)|get our|download our|recommended for you)\\b.*"
                    + "|^\\[/?[a-z_]+(?:\\s[^\\]]*)?\\].*");
    private static final Pattern FIELD = Pattern.compile("(?:^|[-|·•]\\s)\\s*\\p{L}[\\p{L} ]{1,20}:\\s*\\S");
    private static final Pattern BYLINE_LINE = Pattern.compile("(?i)^(?:by|von|par|por)\\s+\\p{Lu}.{0,80}$");

    /** Above this share of link text a box inside the story is navigation, not prose. */
    private static final double LINK_BOX_DENSITY = 0.35;

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    /** A declared body shorter than this (in 4-word phrases) is a teaser, not a second opinion. */
    private static final int MIN_DECLARED_SHINGLES = 50;
    /** The declared body must contain this share of what was kept to be trusted. */
    private static final double DECLARED_AGREEMENT = 0.6;
    /** Segments shorter than this (in 4-word phrases) are too short to judge against the declared body. */
    private static final int MIN_SEGMENT_SHINGLES = 6;

    record Segment(String text, int linkChars, Element block, boolean heading, boolean listItem) {
        double linkDensity() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }

        boolean prose() {
            int len = text.length();
            double ld = linkDensity();
            return !heading && ((len >= 80 && ld < 0.35) || (len >= 30 && ld < 0.2 && endsSentence(text)));
        }
    }

    private static final class Stats {
        double score;
        boolean candidate;
        int text;
        int links;
        int prose;
    }

    private HtmlBodyExtractor() {
    }

    /**
     * @param root  the page's body (it is modified: boilerplate is removed)
     * @param title the article's title, so a repeated headline is not taken as body
     * @param declaredBody the body the page declares in its metadata (JSON-LD {@code articleBody}), or {@code null}
     */
    static List<String> extract(Element root, String title, String declaredBody) {
        removeNeverBody(root);
        List<Segment> segments = segments(root);
        Map<Element, Stats> stats = stats(segments, root);
        if (removeBoilerplateBoxes(root, stats)) {
            segments = segments(root);
            stats = stats(segments, root);
        }
        if (segments.isEmpty()) {
            return List.of();
        }
        Set<Element> content = narrowToTitledPost(chooseContent(root, segments, stats), stats, title);
        List<Segment> kept = keep(segments, content, stats, title, true);
        if (kept.isEmpty()) {
            // the chosen container was itself a list of links: keep its text rather than nothing
            kept = keep(segments, content, stats, title, false);
        }
        if (kept.isEmpty()) {
            kept = keep(segments, Set.of(root), stats, title, false);
        }
        kept = reconcileWithDeclaredBody(segments, kept, declaredBody, title);
        return kept.stream().map(Segment::text).toList();
    }

    private static void removeNeverBody(Element root) {
        List<Element> doomed = new ArrayList<>();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el && el != root && neverBody(el)) {
                    doomed.add(el);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return node instanceof org.jsoup.nodes.Comment ? FilterResult.REMOVE : FilterResult.CONTINUE;
            }
        }, root);
        doomed.forEach(Node::remove);
    }

    private static boolean neverBody(Element el) {
        String tag = el.normalName();
        if (REMOVED_TAGS.contains(tag)) {
            return true;
        }
        if (el.hasAttr("hidden") || "true".equals(el.attr("aria-hidden"))) {
            return true;
        }
        String style = el.attr("style");
        if (!style.isEmpty() && HIDDEN_STYLE.matcher(style.toLowerCase(Locale.ROOT)).find()) {
            return true;
        }
        String role = el.attr("role");
        return role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo")
                || role.equals("banner") || role.equals("search") || role.equals("dialog") || role.equals("alert");
    }

    /** Removes boxes named as boilerplate unless they hold (most of) the page's prose. */
    private static boolean removeBoilerplateBoxes(Element root, Map<Element, Stats> stats) {
        Stats rootStats = stats.get(root);
        int totalProse = rootStats == null ? 0 : rootStats.prose;
        List<Element> doomed = new ArrayList<>();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el) || el == root) {
                    return FilterResult.CONTINUE;
                }
                String hints = hints(el);
                if (hints.isEmpty() || el.normalName().equals("body") || el.normalName().equals("html")) {
                    return FilterResult.CONTINUE;
                }
                if (STORY_BODY.matcher(hints).find() || EMBED.matcher(hints).find() || "articleBody".equals(el.attr("itemprop"))) {
                    return FilterResult.CONTINUE;
                }
                Stats s = stats.get(el);
                double share = totalProse == 0 || s == null ? 0 : (double) s.prose / totalProse;
                boolean strong = STRONG_BOILERPLATE.matcher(hints).find();
                String tag = el.normalName();
                boolean semantic = tag.equals("article") || tag.equals("main");
                boolean weak = !strong && !semantic && WEAK_BOILERPLATE.matcher(hints).find();
                if ((strong && share < 0.6) || (weak && share < 0.3)) {
                    doomed.add(el);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        doomed.forEach(Node::remove);
        return !doomed.isEmpty();
    }

    /**
     * The element's class names and id, lower case, without the names that describe state or
     * taxonomy rather than role ({@code has-post-thumbnail}, {@code is-sticky}, {@code category-news},
     * {@code format-image}): they say what a box contains, not what it is.
     */
    private static String hints(Element el) {
        String id = el.id();
        StringBuilder sb = new StringBuilder();
        for (String name : el.classNames()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (!STATE_OR_TAXONOMY_CLASS.matcher(n).lookingAt()) {
                sb.append(n).append(' ');
            }
        }
        if (!id.isEmpty()) {
            sb.append(id.toLowerCase(Locale.ROOT));
        }
        return sb.toString().strip();
    }

    /** Cuts the tree into text runs at block boundaries and at double line breaks. */
    static List<Segment> segments(Element root) {
        List<Segment> out = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private final StringBuilder text = new StringBuilder();
            private final ArrayList<Element> blocks = new ArrayList<>();
            private int linkDepth;
            private int linkChars;
            private boolean lastWasBreak;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.getWholeText();
                    if (!s.isBlank()) {
                        lastWasBreak = false;
                        if (linkDepth > 0) {
                            linkChars += Texts.clean(s).length();
                        }
                    }
                    text.append(s);
                } else if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (BLOCK_TAGS.contains(tag)) {
                        flush();
                        blocks.add(el);
                    } else if (tag.equals("br")) {
                        if (lastWasBreak) {
                            flush();
                        } else {
                            text.append(' ');
                            lastWasBreak = true;
                        }
                    } else if (tag.equals("a")) {
                        linkDepth++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (BLOCK_TAGS.contains(tag)) {
                        flush();
                        if (!blocks.isEmpty()) {
                            blocks.remove(blocks.size() - 1);
                        }
                    } else if (tag.equals("a")) {
                        linkDepth--;
                    }
                    if (node == root) {
                        flush();
                    }
                }
            }

            private void flush() {
                lastWasBreak = false;
                if (text.isEmpty()) {
                    return;
                }
                String cleaned = Texts.clean(text.toString());
                text.setLength(0);
                if (cleaned.isEmpty()) {
                    linkChars = 0;
                    return;
                }
                Element block = blocks.isEmpty() ? root : blocks.get(blocks.size() - 1);
                boolean listItem = false;
                for (int i = blocks.size() - 1; i >= 0 && i >= blocks.size() - 3; i--) {
                    listItem |= blocks.get(i).normalName().equals("li");
                }
                out.add(new Segment(cleaned, Math.min(linkChars, cleaned.length()), block,
                        HEADING_TAGS.contains(block.normalName()), listItem));
                linkChars = 0;
            }
        }, root);
        return out;
    }

    /** Text, link text and prose per element, and Readability's content score for paragraph containers. */
    private static Map<Element, Stats> stats(List<Segment> segments, Element root) {
        Map<Element, Stats> stats = new IdentityHashMap<>();
        for (Segment seg : segments) {
            int len = seg.text().length();
            int prose = seg.prose() ? len : 0;
            for (Element e = seg.block(); e != null; e = e == root ? null : e.parent()) {
                Stats s = stats.computeIfAbsent(e, k -> new Stats());
                s.text += len;
                s.links += seg.linkChars();
                s.prose += prose;
            }
            if (len < 25 || seg.heading() || seg.linkDensity() > 0.5) {
                continue;
            }
            double points = 1 + commas(seg.text()) + Math.min(len / 100, 3);
            Element first = paragraphLike(seg.block()) ? seg.block().parent() : seg.block();
            int level = 0;
            for (Element e = first; e != null && level < 5; e = e == root ? null : e.parent(), level++) {
                Stats s = stats.computeIfAbsent(e, k -> new Stats());
                if (!s.candidate) {
                    s.candidate = true;
                    s.score += initialScore(e);
                }
                s.score += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3.0);
            }
        }
        return stats;
    }

    private static boolean paragraphLike(Element block) {
        if (PARAGRAPH_TAGS.contains(block.normalName())) {
            return true;
        }
        for (Element child : block.children()) {
            if (BLOCK_TAGS.contains(child.normalName())) {
                return false;
            }
        }
        return true;
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        for (String hint : new String[] {e.className().toLowerCase(Locale.ROOT), e.id().toLowerCase(Locale.ROOT)}) {
            if (hint.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(hint).find()) {
                score -= 25;
            }
            if (POSITIVE.matcher(hint).find()) {
                score += 25;
            }
        }
        if ("articleBody".equals(e.attr("itemprop"))) {
            score += 25;
        }
        return score;
    }

    /** The best-scoring container, moved up when its relatives hold the rest of the story, and its good siblings. */
    private static Set<Element> chooseContent(Element root, List<Segment> segments, Map<Element, Stats> stats) {
        List<Map.Entry<Element, Double>> ranked = new ArrayList<>();
        for (Map.Entry<Element, Stats> entry : stats.entrySet()) {
            Stats s = entry.getValue();
            if (s.candidate) {
                double linkDensity = s.text == 0 ? 0 : (double) s.links / s.text;
                ranked.add(Map.entry(entry.getKey(), s.score * (1 - linkDensity)));
            }
        }
        if (ranked.isEmpty()) {
            return Set.of(root);
        }
        ranked.sort(Map.Entry.<Element, Double>comparingByValue().reversed());
        Element top = ranked.get(0).getKey();
        double topScore = ranked.get(0).getValue();
        Map<Element, Double> finalScores = new IdentityHashMap<>();
        ranked.forEach(e -> finalScores.put(e.getKey(), e.getValue()));

        // several near-equal candidates under one ancestor: the story is split; take the ancestor
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(ranked.size(), 5); i++) {
            if (ranked.get(i).getValue() / topScore >= 0.75) {
                alternatives.add(ranked.get(i).getKey());
            }
        }
        if (alternatives.size() >= 3) {
            for (Element parent = top.parent(); parent != null && parent != root.parent(); parent = parent.parent()) {
                int containing = 0;
                for (Element alt : alternatives) {
                    if (isAncestor(parent, alt)) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    top = parent;
                    break;
                }
            }
        }
        // climb while the parent scores better (the paragraphs' real container)
        double lastScore = finalScores.getOrDefault(top, topScore);
        double threshold = lastScore / 3;
        for (Element parent = top.parent(); parent != null && top != root; parent = parent.parent()) {
            Double parentScore = finalScores.get(parent);
            if (parentScore == null) {
                if (parent == root) {
                    break;
                }
                continue;
            }
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > lastScore) {
                top = parent;
                break;
            }
            lastScore = parentScore;
            if (parent == root) {
                break;
            }
        }
        while (top != root && top.parent() != null && top.parent().childrenSize() == 1) {
            top = top.parent();
        }

        Set<Element> content = Collections.newSetFromMap(new IdentityHashMap<>());
        content.add(top);
        Element parent = top.parent();
        if (parent == null || top == root) {
            return content;
        }
        double bestScore = finalScores.getOrDefault(top, topScore);
        double siblingThreshold = Math.max(10, bestScore * 0.2);
        String topClass = top.className();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? bestScore * 0.2 : 0;
            Double score = finalScores.get(sibling);
            if (score != null && score + bonus >= siblingThreshold) {
                content.add(sibling);
                continue;
            }
            Stats s = stats.get(sibling);
            if (s != null && (sibling.normalName().equals("p") || paragraphLike(sibling) && !HEADING_TAGS.contains(sibling.normalName()))) {
                double ld = s.text == 0 ? 0 : (double) s.links / s.text;
                if ((s.text > 80 && ld < 0.25) || (s.text > 0 && s.links == 0 && endsSentence(sibling.text()))) {
                    content.add(sibling);
                }
            }
        }
        return content;
    }

    /**
     * A container holding several posts ({@code <article>} elements, as on blog pages that show
     * full posts one after another) is narrowed to the post whose heading is the page's title.
     */
    private static Set<Element> narrowToTitledPost(Set<Element> content, Map<Element, Stats> stats, String title) {
        if (title == null) {
            return content;
        }
        List<Element> posts = new ArrayList<>();
        for (Element top : content) {
            for (Element article : top.select("article")) {
                Stats s = stats.get(article);
                if (s != null && s.prose > 0 && article.parents().stream().noneMatch(posts::contains)) {
                    posts.add(article);
                }
            }
        }
        if (posts.size() < 2) {
            return content;
        }
        String wanted = Texts.comparable(title);
        for (Element post : posts) {
            for (Element heading : post.select("h1, h2, h3")) {
                if (Texts.comparable(heading.text()).equals(wanted)) {
                    Set<Element> narrowed = Collections.newSetFromMap(new IdentityHashMap<>());
                    narrowed.add(post);
                    return narrowed;
                }
            }
        }
        return content;
    }

    private static boolean isAncestor(Element ancestor, Element node) {
        for (Element e = node; e != null; e = e.parent()) {
            if (e == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The content's segments that read as story: prose, subheadings, list items; not link lists, credits or calls to action. */
    private static List<Segment> keep(List<Segment> segments, Set<Element> content, Map<Element, Stats> stats, String title,
                                      boolean dropLinkBoxes) {
        List<Segment> kept = new ArrayList<>();
        String normalizedTitle = title == null ? "" : Texts.comparable(title);
        Map<Element, Boolean> inside = new IdentityHashMap<>();
        Map<Element, Boolean> linkBox = new IdentityHashMap<>();
        int contentText = 0;
        for (Element e : content) {
            Stats s = stats.get(e);
            contentText += s == null ? 0 : s.text;
        }
        final int total = contentText;
        for (Segment seg : segments) {
            if (!within(seg.block(), content, inside) || dropLinkBoxes && inLinkBox(seg.block(), content, stats, total, linkBox)) {
                continue;
            }
            if (readsAsStory(seg, normalizedTitle)) {
                kept.add(seg);
            }
        }
        return kept;
    }

    /** Not a link line, call to action, credit, repeated headline, byline or bare date. */
    private static boolean readsAsStory(Segment seg, String normalizedTitle) {
        String text = seg.text();
        if (seg.linkDensity() > 0.5) {
            return false;
        }
        if (BOILERPLATE_LINE.matcher(text).matches() || text.length() < 200 && CALL_TO_ACTION.matcher(text).matches()) {
            return false;
        }
        if (text.length() < 200 && isFieldList(text)) {
            return false;
        }
        if (seg.heading()) {
            return !seg.block().normalName().equals("h1") && !Texts.comparable(text).equals(normalizedTitle) && text.length() <= 200;
        }
        return text.length() >= 100 || !(BYLINE_LINE.matcher(text).matches()
                || Texts.comparable(text).equals(normalizedTitle) || isOnlyDate(text));
    }

    /**
     * Uses the body the publisher declares in JSON-LD ({@code articleBody}) as a second opinion.
     * Only when it agrees with most of what was kept (so it is the full story, not a teaser):
     * kept segments that share no phrase with it are dropped, and segments outside the chosen
     * container that are almost all in it are added, in page order.
     */
    private static List<Segment> reconcileWithDeclaredBody(List<Segment> segments, List<Segment> kept, String declaredBody,
                                                           String title) {
        if (declaredBody == null || kept.isEmpty()) {
            return kept;
        }
        Set<String> declared = new java.util.HashSet<>(shingles(declaredBody));
        if (declared.size() < MIN_DECLARED_SHINGLES) {
            return kept;
        }
        int keptShingles = 0;
        int keptDeclared = 0;
        for (Segment seg : kept) {
            for (String sh : shingles(seg.text())) {
                keptShingles++;
                if (declared.contains(sh)) {
                    keptDeclared++;
                }
            }
        }
        if (keptShingles == 0 || keptDeclared < keptShingles * DECLARED_AGREEMENT) {
            return kept;
        }
        Set<Segment> keptSet = Collections.newSetFromMap(new IdentityHashMap<>());
        keptSet.addAll(kept);
        String normalizedTitle = title == null ? "" : Texts.comparable(title);
        List<Segment> out = new ArrayList<>();
        for (Segment seg : segments) {
            List<String> own = shingles(seg.text());
            int in = 0;
            for (String sh : own) {
                if (declared.contains(sh)) {
                    in++;
                }
            }
            boolean measurable = own.size() >= MIN_SEGMENT_SHINGLES;
            if (keptSet.contains(seg)) {
                if (!measurable || in > 0) {
                    out.add(seg);
                }
            } else if (measurable && in >= own.size() * 0.8 && readsAsStory(seg, normalizedTitle)) {
                out.add(seg);
            }
        }
        return out;
    }

    private static List<String> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            out.add(tokens.get(i) + ' ' + tokens.get(i + 1) + ' ' + tokens.get(i + 2) + ' ' + tokens.get(i + 3));
        }
        return out;
    }

    /**
     * Whether the segment sits in a box (below the content's root) that is mostly links: link lists,
     * teaser grids, "more stories" rows. Readability calls this cleaning conditionally.
     */
    private static boolean inLinkBox(Element block, Set<Element> content, Map<Element, Stats> stats, int contentText,
                                     Map<Element, Boolean> memo) {
        List<Element> path = new ArrayList<>();
        boolean answer = false;
        for (Element e = block; e != null && !content.contains(e); e = e.parent()) {
            Boolean known = memo.get(e);
            if (known != null) {
                answer = known;
                break;
            }
            path.add(e);
            Stats s = stats.get(e);
            if (s != null && s.text > 0 && !PARAGRAPH_TAGS.contains(e.normalName())
                    && (double) s.links / s.text > LINK_BOX_DENSITY && s.text < contentText / 2) {
                answer = true;
                break;
            }
        }
        for (Element e : path) {
            memo.put(e, answer);
        }
        return answer;
    }

    private static boolean within(Element block, Set<Element> content, Map<Element, Boolean> memo) {
        List<Element> path = new ArrayList<>();
        Boolean answer = null;
        for (Element e = block; e != null; e = e.parent()) {
            if (content.contains(e)) {
                answer = true;
                break;
            }
            Boolean known = memo.get(e);
            if (known != null) {
                answer = known;
                break;
            }
            path.add(e);
        }
        boolean result = answer != null && answer;
        for (Element e : path) {
            memo.put(e, result);
        }
        return result;
    }

    /** A line of labelled fields ("Published by: X - Category: Y - Tags: Z") is page metadata, not prose. */
    private static boolean isFieldList(String text) {
        java.util.regex.Matcher m = FIELD.matcher(text);
        int fields = 0;
        while (m.find()) {
            fields++;
        }
        return fields >= 2;
    }

    private static boolean isOnlyDate(String text) {
        return text.length() < 60 && Dates.parse(text).isPresent() && text.split("\\s+").length <= 8;
    }

    private static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、') {
                n++;
            }
        }
        return n;
    }

    static boolean endsSentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '"' || last == '”' || last == '\'' || last == '’'
                || last == ')' || last == ':' || last == '…';
    }
}
