package io.broadsheet.bench.coldstart;

import io.broadsheet.bench.coldstart.baseline.BareHandler;
import io.broadsheet.bench.coldstart.handwired.HandWiredParseHandler;
import io.broadsheet.local.load.ArticleGenerator;
import io.broadsheet.bench.local.LocalCredentials;
import io.broadsheet.local.embedded.dynamodb.DynaliteProcess;
import io.broadsheet.local.embedded.s3.EmbeddedS3;
import io.broadsheet.core.model.ArticleIds;
import io.broadsheet.core.model.ArticleKeys;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold starts of every function beside two baselines, in one run: a bare handler (the JVM and the
 * runtime client alone) and one that only builds S3 and DynamoDB clients and makes one call with
 * each. Each round starts every case once in a fresh JVM, in turn, so that the machine's drift hits
 * all cases alike; the figures are medians over the rounds and ratios to the bare handler.
 *
 * <p>The functions do their real work against an in-process S3 (s3proxy) and a local DynamoDB
 * (dynalite), in pipeline order: parse a Markdown upload, analyse what it parsed, publish the
 * record it stored (as a stream record), and read the record through an API Gateway event.
 */
public final class ColdStartHarness {

    public static final String ARTICLES_BUCKET = "broadsheet-articles";
    public static final String SITE_BUCKET = "broadsheet-site";
    public static final String TABLE = "broadsheet-articles";
    public static final int ARTICLE_WORDS = 1000;

    /** Where the inputs are: the repository's build outputs. */
    public record Layout(Path runtimeJars, Path baselineJar, Map<String, Path> functionJars) {

        public static Layout ofRepository(Path root) {
            Map<String, Path> functions = new LinkedHashMap<>();
            for (String fn : List.of("parse", "analyze", "publish", "api")) {
                functions.put(fn, root.resolve("functions/" + fn + "/target/broadsheet-" + fn + "-0.1.0-SNAPSHOT-lambda.jar"));
            }
            Path bench = root.resolve("bench");
            return new Layout(bench.resolve("target/lambda-runtime"), bench.resolve("target/broadsheet-bench-baseline-lambda.jar"),
                    functions);
        }
    }

    /**
     * @param runs      fresh JVMs per case
     * @param pin       {@code taskset -c 0} for every function JVM
     * @param snapStart also start each function with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}
     *                  (the client runs the CRaC priming hooks before its first poll)
     * @param cases     which cases to run (bare, sdk, parse, parse-by-hand, analyze, publish, api); empty = all
     * @param javaToolOptions {@code JAVA_TOOL_OPTIONS} for every case (as a function's configuration
     *                  may set it), or null
     * @param libLayout each task root holds its code as {@code lib/function.jar} instead of unzipped classes
     * @param cds       before the measured starts, one training start per case writes a dynamic CDS
     *                  archive ({@code -XX:ArchiveClassesAtExit}); the measured starts use it
     *                  ({@code -XX:SharedArchiveFile}). Implies {@code libLayout}: only classes from jars are archived.
     */
    public record Options(int runs, boolean pin, boolean snapStart, Duration timeout, Path logDir, List<String> cases,
                          String javaToolOptions, boolean libLayout, boolean cds) {
    }

    private static final Map<String, String> HANDLERS = Map.of(
            "bare", BareHandler.class.getName(),
            "sdk", "io.broadsheet.bench.coldstart.baseline.SdkClientsHandler",
            "parse", "io.broadsheet.parse.ParseArticleHandler",
            "parse-by-hand", HandWiredParseHandler.class.getName(),
            "analyze", "io.broadsheet.analyze.AnalyzeArticleHandler",
            "publish", "io.broadsheet.publish.PublishArticleHandler",
            "api", "io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction");
    private static final List<String> ORDER = List.of("bare", "sdk", "parse", "parse-by-hand", "analyze", "publish", "api");

    /** The parse function's jar plus these classes is the {@code parse-by-hand} case. */
    private static final Class<?>[] HAND_WIRED = {HandWiredParseHandler.class, HandWiredParseHandler.NoLambdaContext.class};

    private final Layout layout;
    private final Options options;
    private final PrintStream out;
    private LambdaLauncher launcher;

    public ColdStartHarness(Layout layout, Options options, PrintStream out) {
        this.layout = layout;
        this.options = options;
        this.out = out;
    }

    /** Runs every round and prints one line per case; returns the number of cases with failures. */
    public int run() throws Exception {
        Files.createDirectories(options.logDir());
        LocalCredentials credentials = LocalCredentials.bench();
        List<String> cases = options.cases().isEmpty() ? ORDER : ORDER.stream().filter(options.cases()::contains).toList();
        launcher = new LambdaLauncher(LambdaLauncher.currentJava(), LambdaLauncher.jarsIn(layout.runtimeJars()),
                options.pin() && LambdaLauncher.tasksetAvailable(), options.timeout());
        Map<String, TaskRoot> roots = new LinkedHashMap<>();
        try (EmbeddedS3 s3Server = EmbeddedS3.start(null, event -> { });
             DynaliteProcess dynalite = DynaliteProcess.start(Path.of(""), null);
             SdkHttpClient http = UrlConnectionHttpClient.builder().build();
             S3Client s3 = s3Client(http, credentials, s3Server);
             DynamoDbClient dynamo = dynamoClient(http, credentials, dynalite)) {
            createBucketsAndTable(s3, dynamo);
            for (String name : cases) {
                roots.put(name, taskRoot(name));
            }
            Map<String, String> env = functionEnvironment(credentials, s3Server, dynalite);
            if (options.javaToolOptions() != null) {
                env.put("JAVA_TOOL_OPTIONS", options.javaToolOptions());
            }
            List<Case> runList = new ArrayList<>();
            for (String name : cases) {
                runList.add(new Case(name, false));
                if (options.snapStart() && layout.functionJars().containsKey(name)) {
                    runList.add(new Case(name, true));
                }
            }
            Map<String, Results> results = new LinkedHashMap<>();
            runList.forEach(c -> results.put(c.label(), new Results()));
            if (options.cds()) {
                // Round 0 trains: each case's JVM writes its archive when it is stopped.
                Round training = new Round(0, "-train", s3, dynamo);
                for (Case c : runList) {
                    Results trained = new Results();
                    start(c, training, roots, env, "-XX:ArchiveClassesAtExit=" + archive(c), trained);
                    if (trained.ok == 0 || !Files.isRegularFile(archive(c))) {
                        results.get(c.label()).fail("CDS training start failed: "
                                + (trained.failures.isEmpty() ? "no archive written" : trained.failures.getFirst()));
                    }
                }
            }
            for (int round = 1; round <= options.runs(); round++) {
                // SnapStart variants get an article of their own, so that they do the same work, not a no-op re-run.
                Round onDemand = new Round(round, "", s3, dynamo);
                Round snap = new Round(round, "-snap", s3, dynamo);
                Round byHand = new Round(round, "-by-hand", s3, dynamo);
                for (Case c : runList) {
                    start(c, c.snapStart() ? snap : c.name().equals("parse-by-hand") ? byHand : onDemand, roots, env,
                            options.cds() ? "-XX:SharedArchiveFile=" + archive(c) : null, results.get(c.label()));
                }
            }
            return report(results);
        } finally {
            roots.values().forEach(TaskRoot::close);
        }
    }

    /** One cold start of a case in a round, recorded in {@code result}; {@code jvmOptions} are added to JAVA_TOOL_OPTIONS. */
    private void start(Case c, Round r, Map<String, TaskRoot> roots, Map<String, String> env, String jvmOptions, Results result) {
        try {
            String event = r.eventFor(c.name());
            Map<String, String> caseEnv = new LinkedHashMap<>(env);
            if (c.snapStart()) {
                caseEnv.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
            }
            if (jvmOptions != null) {
                caseEnv.merge("JAVA_TOOL_OPTIONS", jvmOptions, (a, b) -> a + " " + b);
            }
            Path log = options.logDir().resolve(c.label() + "-" + r.round + ".log");
            LambdaLauncher.ColdStart start = launcher.launch(roots.get(c.name()), HANDLERS.get(c.name()), caseEnv, event, log);
            Files.writeString(options.logDir().resolve(c.label() + "-" + r.round + ".response.json"), start.response());
            String problem = start.error() ? "error response: " + abbreviate(start.response()) : r.verify(c.name(), start);
            result.answered.add(start);
            if (problem == null) {
                result.ok++;
            } else {
                result.fail(problem);
            }
        } catch (Exception e) {
            result.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Path archive(Case c) {
        return options.logDir().resolve(c.label() + ".jsa").toAbsolutePath();
    }

    private int report(Map<String, Results> results) {
        Results bare = results.get("bare");
        boolean hasBare = bare != null && !bare.answered.isEmpty();
        double bareTotal = hasBare ? bare.median(LambdaLauncher.ColdStart::totalMillis) : Double.NaN;
        double bareMin = hasBare ? bare.minTotal() : Double.NaN;
        double bareCpu = hasBare ? bare.median(LambdaLauncher.ColdStart::cpuMillis) : Double.NaN;
        int failed = 0;
        for (var entry : results.entrySet()) {
            Results r = entry.getValue();
            StringBuilder line = new StringBuilder("coldstart ").append(entry.getKey());
            if (!r.answered.isEmpty()) {
                double total = r.median(LambdaLauncher.ColdStart::totalMillis);
                double cpu = r.median(LambdaLauncher.ColdStart::cpuMillis);
                line.append(" init_ms=").append(Math.round(r.median(LambdaLauncher.ColdStart::initMillis)))
                        .append(" first_ms=").append(Math.round(r.median(LambdaLauncher.ColdStart::firstMillis)))
                        .append(" total_ms=").append(Math.round(total))
                        .append(" ratio=").append(ratio(total, bareTotal))
                        // On a busy machine the fastest start is the one least disturbed by others.
                        .append(" min_total_ms=").append(Math.round(r.minTotal()))
                        .append(" min_ratio=").append(ratio(r.minTotal(), bareMin))
                        // CPU time of the function's JVM up to its first response: robust to load.
                        .append(" cpu_ms=").append(Math.round(cpu))
                        .append(" cpu_ratio=").append(ratio(cpu, bareCpu));
                List<LambdaLauncher.ColdStart> restored = r.answered.stream().filter(s -> !Double.isNaN(s.restoreMillis())).toList();
                if (!restored.isEmpty()) {
                    // SnapStart: init includes the beforeCheckpoint hooks; restore_ms = spawn to the restore
                    // poll; after_restore_ms = restore poll to the first response (afterRestore hooks + first
                    // invoke), what a restored snapshot still has to do. The restore itself is not measured.
                    double afterRestore = median(restored.stream().map(LambdaLauncher.ColdStart::afterRestoreMillis).toList());
                    line.append(" restore_ms=").append(Math.round(median(restored.stream().map(LambdaLauncher.ColdStart::restoreMillis).toList())))
                            .append(" after_restore_ms=").append(Math.round(afterRestore))
                            .append(" after_restore_ratio=").append(ratio(afterRestore, bareTotal));
                }
            }
            // ok = starts whose work was verified (the object, item or page is there; the API said 200).
            line.append(" runs=").append(r.ok + r.failures.size()).append(" ok=").append(r.ok);
            if (!r.failures.isEmpty()) {
                failed++;
                line.append(" error=\"").append(r.failures.getFirst().replace('"', '\'')).append('"');
            }
            out.println(line);
        }
        out.println("coldstart logs dir=" + options.logDir());
        return failed;
    }

    private static String ratio(double value, double base) {
        return String.format(Locale.ROOT, "%.2f", value / base);
    }

    private TaskRoot taskRoot(String name) throws IOException {
        if (options.libLayout() || options.cds()) {
            return switch (name) {
                case "bare" -> TaskRoot.libJarOfClasses(BareHandler.class);
                case "sdk" -> TaskRoot.libJar(layout.baselineJar());
                case "parse-by-hand" -> TaskRoot.libJar(layout.functionJars().get("parse")).withClasses(HAND_WIRED);
                default -> TaskRoot.libJar(layout.functionJars().get(name));
            };
        }
        return switch (name) {
            case "bare" -> TaskRoot.ofClasses(BareHandler.class);
            case "sdk" -> TaskRoot.unzip(layout.baselineJar());
            case "parse-by-hand" -> TaskRoot.unzip(layout.functionJars().get("parse")).withClasses(HAND_WIRED);
            default -> TaskRoot.unzip(layout.functionJars().get(name));
        };
    }

    /** What the SAM template and a local cloud give each function: its settings and the endpoints. */
    private static Map<String, String> functionEnvironment(LocalCredentials credentials, EmbeddedS3 s3, DynaliteProcess dynalite) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", credentials.region());
        env.put("AWS_DEFAULT_REGION", credentials.region());
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("BROADSHEET_ARTICLES_BUCKET", ARTICLES_BUCKET);
        env.put("BROADSHEET_SITE_BUCKET", SITE_BUCKET);
        env.put("BROADSHEET_TABLE_NAME", TABLE);
        env.put("BROADSHEET_SITE_BASE_URL", "http://localhost:8080/site/");
        env.put("BROADSHEET_MAX_UPLOAD_BYTES", "5242880");
        // Micronaut maps these to aws.services.<name>.endpoint-override / path-style-access.
        Map<String, String> endpoints = Map.of(
                "S3_ENDPOINT_OVERRIDE", s3.endpoint().toString(),
                "S3_PATH_STYLE_ACCESS", "true",
                "DYNAMODB_ENDPOINT_OVERRIDE", dynalite.endpoint().toString());
        endpoints.forEach((name, value) -> env.put("AWS_SERVICES_" + name, value));
        return env;
    }

    private static S3Client s3Client(SdkHttpClient http, LocalCredentials c, EmbeddedS3 s3) {
        return S3Client.builder().httpClient(http).region(Region.of(c.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .endpointOverride(s3.endpoint()).forcePathStyle(true).build();
    }

    private static DynamoDbClient dynamoClient(SdkHttpClient http, LocalCredentials c, DynaliteProcess dynalite) {
        return DynamoDbClient.builder().httpClient(http).region(Region.of(c.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
                .endpointOverride(dynalite.endpoint()).build();
    }

    /** The buckets, and the table as {@code infrastructure/template.yaml} declares {@code ArticlesTable}. */
    private static void createBucketsAndTable(S3Client s3, DynamoDbClient dynamo) {
        s3.createBucket(b -> b.bucket(ARTICLES_BUCKET));
        s3.createBucket(b -> b.bucket(SITE_BUCKET));
        dynamo.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("feed").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sortKey").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("byDate")
                        .keySchema(k -> k.attributeName("feed").keyType(KeyType.HASH),
                                k -> k.attributeName("sortKey").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
    }

    /** One article through the pipeline: each function's event is the previous one's output. */
    private static final class Round {
        private final int round;
        private final S3Client s3;
        private final DynamoDbClient dynamo;
        private final String sourceKey;
        private final String id;

        Round(int round, String variant, S3Client s3, DynamoDbClient dynamo) {
            this.round = round;
            this.s3 = s3;
            this.dynamo = dynamo;
            this.sourceKey = ArticleKeys.INCOMING + "bench/round-" + round + "/tram-lines-" + round + variant + ".md";
            this.id = ArticleIds.fromSourceKey(sourceKey);
        }

        String eventFor(String name) {
            return switch (name) {
                case "bare", "sdk" -> "{\"round\":" + round + "}";
                case "parse", "parse-by-hand" -> upload();
                case "analyze" -> {
                    String parsedKey = ArticleKeys.parsedKey(id);
                    var head = head(ARTICLES_BUCKET, parsedKey);
                    if (head == null) {
                        throw new MissingInputException("no " + parsedKey + " to analyse: the parse case did not write it");
                    }
                    yield LambdaEvents.s3ObjectCreated(ARTICLES_BUCKET, parsedKey, head.contentLength(), head.eTag(), sequencer());
                }
                case "publish" -> {
                    Map<String, AttributeValue> item = item();
                    if (item == null) {
                        throw new MissingInputException("no item " + id + " to publish: the analyze case did not write it");
                    }
                    yield LambdaEvents.dynamoInsert(TABLE, item, "id", String.format("%021d", round));
                }
                case "api" -> LambdaEvents.apiGatewayGet("/articles/" + id);
                default -> throw new IllegalArgumentException(name);
            };
        }

        /** Null when the case did what it is for, else what is missing. */
        String verify(String name, LambdaLauncher.ColdStart start) {
            return switch (name) {
                case "parse", "parse-by-hand" -> head(ARTICLES_BUCKET, ArticleKeys.parsedKey(id)) != null ? null
                        : "no " + ArticleKeys.parsedKey(id) + " after parse; response " + abbreviate(start.response());
                case "analyze" -> item() != null ? null : "no item " + id + " after analyze";
                case "publish" -> head(SITE_BUCKET, ArticleKeys.pageKey(id)) != null ? null
                        : "no " + ArticleKeys.pageKey(id) + " after publish; response " + abbreviate(start.response());
                case "api" -> {
                    int status = LambdaEvents.statusCode(start.response());
                    yield status == 200 ? null : "GET /articles/" + id + " answered " + status;
                }
                default -> null;
            };
        }

        private String upload() {
            byte[] article = ArticleGenerator.markdownBytes(ARTICLE_WORDS, round);
            var put = s3.putObject(b -> b.bucket(ARTICLES_BUCKET).key(sourceKey).contentType("text/markdown"),
                    RequestBody.fromBytes(article));
            return LambdaEvents.s3ObjectCreated(ARTICLES_BUCKET, sourceKey, article.length, put.eTag(), sequencer());
        }

        private String sequencer() {
            return String.format("%018X", 0x62E8A1B2C3D4L + round);
        }

        private software.amazon.awssdk.services.s3.model.HeadObjectResponse head(String bucket, String key) {
            try {
                return s3.headObject(b -> b.bucket(bucket).key(key));
            } catch (NoSuchKeyException e) {
                return null;
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() == 404) {
                    return null;
                }
                throw e;
            }
        }

        private Map<String, AttributeValue> item() {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(TABLE).consistentRead(true)
                    .key(Map.of("id", AttributeValue.fromS(id)))).item();
            return item == null || item.isEmpty() ? null : item;
        }
    }

    /** A case could not be prepared because an earlier case of its round failed. */
    private static final class MissingInputException extends RuntimeException {
        MissingInputException(String message) {
            super(message);
        }
    }

    private record Case(String name, boolean snapStart) {
        String label() {
            return snapStart ? name + "-snapstart" : name;
        }
    }

    private static final class Results {
        /** Every start that got an answer, whether or not the case then did its work. */
        final List<LambdaLauncher.ColdStart> answered = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        int ok;

        double median(java.util.function.ToDoubleFunction<LambdaLauncher.ColdStart> figure) {
            return ColdStartHarness.median(answered.stream().map(figure::applyAsDouble).toList());
        }

        double minTotal() {
            return answered.stream().mapToDouble(LambdaLauncher.ColdStart::totalMillis).min().orElse(Double.NaN);
        }

        void fail(String why) {
            failures.add(why);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
