package io.broadsheet.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.broadsheet.aws.ArticleItems;
import io.broadsheet.aws.BroadsheetConfiguration;
import io.broadsheet.core.model.ArticleKeys;
import io.micronaut.context.annotation.ConfigurationProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infrastructure/template.yaml} and the code must not drift apart: the handler classes exist,
 * every {@code broadsheet.*} setting the code reads is set in the template and nothing else is, the
 * S3 triggers use the prefixes of {@link ArticleKeys}, and no policy grants {@code *}. The template
 * is read by {@link SamTemplate}, the reader the local clouds wire themselves from.
 */
class TemplateMatchesCodeTest {

    private static SamTemplate sam;
    private static Map<String, Object> template;
    private static Map<String, Map<String, Object>> resources;

    @BeforeAll
    static void readTemplate() {
        sam = SamTemplate.locate(Path.of(""), SamTemplate.StackIdentity.LOCAL);
        template = sam.tree();
        resources = new java.util.LinkedHashMap<>();
        map(template.get("Resources")).forEach((id, resource) -> resources.put(id, map(resource)));
    }

    static Path templatePath() {
        return SamTemplate.sourceFile(Path.of("")).orElseThrow();
    }

    private static Map<String, Object> functions(String type) {
        Map<String, Object> found = new java.util.LinkedHashMap<>();
        resources.forEach((id, r) -> {
            if (type.equals(r.get("Type"))) {
                found.put(id, map(r.get("Properties")));
            }
        });
        return found;
    }

    @Test
    void everyHandlerClass_existsAndIsALambdaHandler() {
        List<SamTemplate.FunctionSpec> functions = sam.functions();

        assertThat(functions).extracting(SamTemplate.FunctionSpec::logicalId).containsExactlyInAnyOrder(
                "ParseArticleFunction", "AnalyzeArticleFunction", "PublishArticleFunction", "ApiFunction");
        functions.forEach(function -> {
            String handler = function.handler().split("::")[0];
            Class<?> type;
            try {
                type = Class.forName(handler);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(function.logicalId() + " names a handler class that does not exist: " + handler, e);
            }
            assertThat(RequestHandler.class.isAssignableFrom(type)).as(function.logicalId() + " handler " + handler + " is a RequestHandler").isTrue();
        });
    }

    @Test
    void everyCodeUri_isTheShadedJarOfAModule() {
        sam.functions().forEach(function -> {
            var m = java.util.regex.Pattern.compile("\\.\\./functions/([a-z]+)/target/broadsheet-\\1-0\\.1\\.0-SNAPSHOT-lambda\\.jar")
                    .matcher(function.codeUri());
            assertThat(m.matches()).as(function.logicalId() + " CodeUri " + function.codeUri()).isTrue();
            assertThat(templatePath().getParent().getParent().resolve("functions/" + m.group(1) + "/pom.xml")).exists();
        });
    }

    @Test
    void environmentVariables_areExactlyTheSettingsTheCodeReads() {
        Set<String> inTemplate = new TreeSet<>();
        Map<String, Object> globals = map(map(map(template.get("Globals")).get("Function")).get("Environment"));
        inTemplate.addAll(map(globals.get("Variables")).keySet());
        functions("AWS::Serverless::Function").values().forEach(p -> {
            Object env = map(p).get("Environment");
            if (env != null) {
                inTemplate.addAll(map(map(env).get("Variables")).keySet());
            }
        });
        inTemplate.removeIf(name -> !name.startsWith("BROADSHEET_"));

        assertThat(inTemplate).isEqualTo(environmentNamesOf(BroadsheetConfiguration.class));
    }

    /** {@code broadsheet.max-upload-bytes} is read from {@code BROADSHEET_MAX_UPLOAD_BYTES}, and so on. */
    static Set<String> environmentNamesOf(Class<?> configuration) {
        String prefix = configuration.getAnnotation(ConfigurationProperties.class).value();
        return Arrays.stream(configuration.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .map(name -> (prefix + "_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")).toUpperCase(Locale.ROOT).replace('.', '_'))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void s3Triggers_useThePrefixesOfTheCode() {
        assertThat(s3Prefixes("ParseArticleFunction")).containsExactly(ArticleKeys.INCOMING);
        assertThat(s3Prefixes("AnalyzeArticleFunction")).containsExactly(ArticleKeys.PARSED);
    }

    private static List<String> s3Prefixes(String function) {
        return sam.function(function).s3Triggers().stream().map(trigger -> {
            assertThat(trigger.bucketLogicalId()).isEqualTo("ArticlesBucket");
            return trigger.prefix();
        }).toList();
    }

    @Test
    void theTableAndItsIndex_haveTheKeysOfTheItemMapping() {
        Map<String, Object> table = map(resources.get("ArticlesTable").get("Properties"));
        Map<String, Object> index = map(list(table.get("GlobalSecondaryIndexes")).getFirst());

        assertThat(map(list(table.get("KeySchema")).getFirst()).get("AttributeName")).isEqualTo(ArticleItems.ID);
        assertThat(index.get("IndexName")).isEqualTo(ArticleItems.BY_DATE_INDEX);
        assertThat(list(index.get("KeySchema"))).extracting(k -> map(k).get("AttributeName"))
                .containsExactly(ArticleItems.FEED, ArticleItems.SORT_KEY);
        assertThat(map(table.get("StreamSpecification")).get("StreamViewType")).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void noPolicyGrantsAWildcardActionOrResource() {
        List<String> wildcards = new ArrayList<>();
        resources.forEach((id, resource) -> collectWildcards(id, resource, false, wildcards));

        assertThat(wildcards).isEmpty();
    }

    /** Walks every statement of every policy (inline, SAM policy list, bucket policy) in the template. */
    private static void collectWildcards(String where, Object node, boolean inStatement, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            boolean statement = m.containsKey("Effect") && (m.containsKey("Action") || m.containsKey("NotAction"));
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (statement && (key.equals("Action") || key.equals("NotAction"))) {
                    values(v).stream().filter(a -> a.equals("*") || a.endsWith(":*")).forEach(a -> found.add(where + " Action " + a));
                } else if (statement && (key.equals("Resource") || key.equals("NotResource"))) {
                    values(v).stream().filter(r -> r.equals("*")).forEach(r -> found.add(where + " Resource " + r));
                } else if (!(statement && key.equals("Principal"))) {
                    collectWildcards(where + "." + key, v, statement, found);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(item -> collectWildcards(where, item, inStatement, found));
        }
    }

    private static List<String> values(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v));
    }

    @Test
    void everyFunctionHasAFailureDestination_andSnapStartOnPublishedVersions() {
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        assertThat(map(globals.get("SnapStart")).get("ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(globals.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(globals.get("Runtime")).isEqualTo("java21");

        for (String async : List.of("ParseArticleFunction", "AnalyzeArticleFunction")) {
            Map<String, Object> config = map(map(resources.get(async).get("Properties")).get("EventInvokeConfig"));
            assertThat(config).as(async).containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
            assertThat(map(map(config.get("DestinationConfig")).get("OnFailure")).get("Type")).isEqualTo("SQS");
        }
        Map<String, Object> stream = map(map(map(map(resources.get("PublishArticleFunction").get("Properties"))
                .get("Events")).get("TableStream")).get("Properties"));
        assertThat(stream.get("BisectBatchOnFunctionError")).isEqualTo(true);
        assertThat(list(stream.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
        assertThat(map(map(stream.get("DestinationConfig")).get("OnFailure"))).containsKey("Destination");
    }

    @Test
    void writeRoutesNeedAnApiKey_andReadsDoNot() {
        Map<String, Object> events = map(map(resources.get("ApiFunction").get("Properties")).get("Events"));
        events.forEach((name, e) -> {
            Map<String, Object> properties = map(map(e).get("Properties"));
            boolean write = !"GET".equals(properties.get("Method"));
            Object auth = properties.get("Auth");
            assertThat(auth != null && Boolean.TRUE.equals(map(auth).get("ApiKeyRequired")))
                    .as(name + " " + properties.get("Method") + " " + properties.get("Path") + " needs an API key").isEqualTo(write);
        });
    }

    /**
     * API Gateway does not fall back to {@code {proxy+}} when a more specific resource lacks the
     * method: a resource that a write creates must declare the reads the controllers serve there.
     */
    @Test
    void readsUnderTheResourcesOfWrites_areDeclared() {
        Map<String, Object> events = map(map(resources.get("ApiFunction").get("Properties")).get("Events"));
        java.util.Set<String> gets = new java.util.HashSet<>();
        java.util.Set<String> needed = new java.util.TreeSet<>();
        events.values().forEach(e -> {
            Map<String, Object> properties = map(map(e).get("Properties"));
            String path = (String) properties.get("Path");
            if ("GET".equals(properties.get("Method"))) {
                gets.add(path);
            } else {
                for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    needed.add(path.substring(0, slash));
                }
                if (!path.endsWith("/republish")) {
                    needed.add(path);
                }
            }
        });
        needed.add("/articles/{id}/page");

        assertThat(gets).containsAll(needed);
    }

    /**
     * cfn-lint (with the SAM transform) finds no error. Skipped where it is not installed: it comes
     * from PyPI, which not every machine that builds this project can reach.
     */
    @Test
    void cfnLint_findsNoError() throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("cfn-lint", "--format", "parseable", templatePath().toString())
                    .redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            org.junit.jupiter.api.Assumptions.abort("cfn-lint is not installed");
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        boolean finished = process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
        org.junit.jupiter.api.Assumptions.assumeTrue(finished, "cfn-lint did not finish in time");
        // cfn-lint's exit code is a bit mask: 2 = errors, 4 = warnings, 8 = informational.
        assertThat(process.exitValue() & 2).as(output).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
