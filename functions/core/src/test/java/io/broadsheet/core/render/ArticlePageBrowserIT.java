package io.broadsheet.core.render;

import io.broadsheet.core.model.ArticleRecord;
import io.broadsheet.core.render.SampleArticles.Sample;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rendered pages in a real browser: Debian's Chromium, headless, driven through chromedriver.
 * At a phone's width and a desktop's, nothing overflows sideways and every section of the article
 * is on screen; the hostile sample runs no script. Screenshots land in {@code target/screenshots/} for people to look at.
 * Skipped where Chromium is not installed ({@code apt-get install chromium chromium-driver}).
 */
class ArticlePageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final SiteRenderer RENDERER = new SiteRenderer(new SiteSettings("https://news.example.org/", "The Broadsheet"));

    @TempDir
    static Path site;
    @TempDir
    static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void renderSiteAndStartBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        List<ArticleRecord> records = new ArrayList<>();
        Files.createDirectories(site.resolve("tags"));
        Sample hostile = SampleArticles.hostile();
        Files.writeString(site.resolve("hostile.html"), RENDERER.articlePage(hostile.record(), hostile.article()));
        for (Sample s : SampleArticles.all()) {
            Files.writeString(site.resolve(s.id() + ".html"), RENDERER.articlePage(s.record(), s.article()));
            records.add(s.record());
        }
        records.sort((a, b) -> b.displayDate().compareTo(a.displayDate()));
        Files.writeString(site.resolve("index.html"), RENDERER.index(records));
        Files.writeString(site.resolve("tags/climatechange.html"), RENDERER.tagPage("ClimateChange",
                records.stream().filter(r -> r.tags().contains("ClimateChange")).toList()));
        Files.createDirectories(SCREENSHOTS);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} at {1}px, {2}")
    @CsvSource({
            "tram-lines, 375, light", "tram-lines, 1280, light", "tram-lines, 375, dark",
            "plant-closure, 375, light", "plant-closure, 1280, dark",
            "radwege, 375, light", "reef, 320, light"})
    void articlePage_fitsWidth_andShowsEverySection(String stem, int width, String scheme) throws Exception {
        Sample sample = SampleArticles.all().stream().filter(s -> s.id().startsWith(stem + "-")).findFirst().orElseThrow();

        open(sample.id() + ".html", width, scheme);

        assertNoHorizontalOverflow();
        for (String section : List.of("h1", ".byline, .meta", ".highlights", ".sentiment", ".article-text", ".insights",
                ".story-foot a[href$='.json']")) {
            WebElement element = browser.findElement(By.cssSelector(section));
            assertThat(element.isDisplayed()).as(section + " visible").isTrue();
            assertThat(element.getRect().getWidth()).as(section + " width").isPositive().isLessThanOrEqualTo(width);
            assertThat(element.getRect().getX() + element.getRect().getWidth()).as(section + " right edge").isLessThanOrEqualTo(width);
        }
        screenshot(stem + "-" + width + "-" + scheme);
    }

    @ParameterizedTest(name = "{0} at {1}px")
    @CsvSource({"index.html, 375", "index.html, 1280", "tags/climatechange.html, 375"})
    void listing_fitsWidth(String page, int width) throws Exception {
        open(page, width, "light");

        assertNoHorizontalOverflow();
        assertThat(browser.findElements(By.cssSelector(".card"))).isNotEmpty().allMatch(WebElement::isDisplayed);
        screenshot(page.replace("/", "-").replace(".html", "") + "-" + width);
    }

    @Test
    void articlePage_inPrint_hidesNavigation_andKeepsSections() throws Exception {
        open(SampleArticles.tramLines().id() + ".html", 800, "light");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));

        assertThat(browser.findElement(By.cssSelector(".masthead nav")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".site-foot")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".insights")).isDisplayed()).isTrue();
        screenshot("tram-lines-print");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Test
    void hostilePage_runsNoScript() {
        open("hostile.html", 375, "light");

        assertThat(browser.findElements(By.cssSelector("script"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("img, iframe"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(SampleArticles.hostile().record().title());
        assertNoHorizontalOverflow();
    }

    private static void open(String page, int width, String scheme) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        browser.get(site.resolve(page).toUri().toString());
    }

    private static void assertNoHorizontalOverflow() {
        JavascriptExecutor js = browser;
        long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth;");
        long innerWidth = (Long) js.executeScript("return window.innerWidth;");
        assertThat(scrollWidth).as("document width within the viewport").isLessThanOrEqualTo(innerWidth);
    }

    /** What a reader sees first ({@code name-top.png}) and the whole page: the viewport is stretched to the document's height. */
    private static void screenshot(String name) throws Exception {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + "-top.png"),
                StandardCopyOption.REPLACE_EXISTING);
        long width = (Long) browser.executeScript("return window.innerWidth;");
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", Math.min(height, 8000), "deviceScaleFactor", 1, "mobile", width < 600));
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
