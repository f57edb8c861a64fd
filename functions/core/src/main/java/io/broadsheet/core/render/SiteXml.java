package io.broadsheet.core.render;

import io.broadsheet.core.model.ArticleRecord;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Atom feed and the sitemap. Written with the JDK's StAX writer, which escapes every text and
 * attribute, so a title can never become markup; {@link PlainText} removes the characters XML 1.0
 * cannot carry at all. Output depends on the records only (no clock), so an unchanged site renders
 * byte-identical files and is not rewritten.
 */
final class SiteXml {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private SiteXml() {
    }

    static String feed(SiteSettings site, List<ArticleRecord> newestFirst) {
        Instant updated = newestFirst.stream().map(SiteXml::updated).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return write(xml -> {
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            text(xml, 1, "id", site.baseUrl());
            text(xml, 1, "title", PlainText.line(site.siteName()));
            text(xml, 1, "updated", DisplayDates.iso(updated));
            link(xml, 1, "self", site.url(SitePaths.FEED), "application/atom+xml");
            link(xml, 1, "alternate", site.baseUrl(), "text/html");
            indent(xml, 1);
            xml.writeStartElement("author");
            text(xml, 2, "name", PlainText.line(site.siteName()));
            indent(xml, 1);
            xml.writeEndElement();
            for (ArticleRecord r : newestFirst) {
                String url = site.url(SitePaths.pageKey(r.id()));
                indent(xml, 1);
                xml.writeStartElement("entry");
                text(xml, 2, "id", url);
                text(xml, 2, "title", PlainText.line(r.title()));
                link(xml, 2, "alternate", url, "text/html");
                text(xml, 2, "updated", DisplayDates.iso(Objects.requireNonNullElse(updated(r), Instant.EPOCH)));
                if (r.publishedAt() != null) {
                    text(xml, 2, "published", DisplayDates.iso(r.publishedAt()));
                }
                String author = PlainText.optional(r.author());
                if (author != null) {
                    indent(xml, 2);
                    xml.writeStartElement("author");
                    text(xml, 3, "name", author);
                    indent(xml, 2);
                    xml.writeEndElement();
                }
                for (String tag : r.tags()) {
                    String term = PlainText.optional(tag);
                    if (term != null) {
                        indent(xml, 2);
                        xml.writeEmptyElement("category");
                        xml.writeAttribute("term", term);
                    }
                }
                String summary = r.analysis() == null ? null : PlainText.optional(r.analysis().highlightParagraph());
                if (summary != null) {
                    indent(xml, 2);
                    xml.writeStartElement("summary");
                    xml.writeAttribute("type", "text");
                    xml.writeCharacters(summary);
                    xml.writeEndElement();
                }
                indent(xml, 1);
                xml.writeEndElement();
            }
            indent(xml, 0);
            xml.writeEndElement();
        });
    }

    static String sitemap(SiteSettings site, List<ArticleRecord> records) {
        Set<String> tagKeys = new LinkedHashSet<>();
        records.forEach(r -> r.tags().forEach(t -> SitePaths.tagKey(t).ifPresent(tagKeys::add)));
        Instant newest = records.stream().map(SiteXml::updated).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            url(xml, site.baseUrl(), newest);
            for (ArticleRecord r : records) {
                url(xml, site.url(SitePaths.pageKey(r.id())), updated(r));
            }
            for (String key : tagKeys.stream().sorted().toList()) {
                url(xml, site.url(key), null);
            }
            indent(xml, 0);
            xml.writeEndElement();
        });
    }

    private static Instant updated(ArticleRecord r) {
        return r.updatedAt() != null ? r.updatedAt() : r.displayDate();
    }

    private static void url(XMLStreamWriter xml, String loc, Instant lastmod) throws XMLStreamException {
        indent(xml, 1);
        xml.writeStartElement("url");
        text(xml, 2, "loc", loc);
        if (lastmod != null) {
            text(xml, 2, "lastmod", DisplayDates.iso(lastmod));
        }
        indent(xml, 1);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, int depth, String rel, String href, String type) throws XMLStreamException {
        indent(xml, depth);
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static void text(XMLStreamWriter xml, int depth, String name, String value) throws XMLStreamException {
        indent(xml, depth);
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
        return out.append('\n').toString();
    }
}
