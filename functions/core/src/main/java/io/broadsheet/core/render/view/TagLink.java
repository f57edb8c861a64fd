package io.broadsheet.core.render.view;

/**
 * A tag as pages show it.
 *
 * @param name the tag as written ("ClimateChange")
 * @param href link to the tag page, relative to the page it appears on, or {@code null} when the tag
 *             has no page (its name has no letter or digit a URL can carry)
 */
public record TagLink(String name, String href) {
}
