package io.broadsheet.local.embedded;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.broadsheet.local.CloudClients;
import io.broadsheet.local.CloudOptions;
import io.broadsheet.local.FunctionSettings;
import io.broadsheet.local.LocalCloud;
import io.broadsheet.local.SamTemplate;
import io.broadsheet.local.SamTemplate.FunctionSpec;
import io.broadsheet.local.SamTemplate.TableSpec;
import io.broadsheet.local.embedded.apigateway.ApiGatewayServer;
import io.broadsheet.local.embedded.dynamodb.DynaliteProcess;
import io.broadsheet.local.embedded.dynamodb.DynamoStreamProxy;
import io.broadsheet.local.embedded.lambda.EventDelivery;
import io.broadsheet.local.embedded.lambda.FunctionHooks;
import io.broadsheet.local.embedded.lambda.LocalFunction;
import io.broadsheet.local.embedded.s3.EmbeddedS3;
import io.broadsheet.local.embedded.s3.FaultyBlobStore;
import io.broadsheet.local.embedded.s3.S3Notifications;
import io.broadsheet.local.embedded.s3.S3ObjectEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The whole stack in this JVM, no Docker: S3 from s3proxy, DynamoDB from dynalite behind a proxy
 * that produces its stream, the template's functions in-process with their triggers, and the API
 * over HTTP. Everything is wired from {@code infrastructure/template.yaml}.
 */
public final class EmbeddedCloud implements LocalCloud {

    private final SamTemplate template;
    private final EventDelivery delivery = new EventDelivery(Duration.ofMillis(200));
    private final S3Notifications notifications;
    private final List<S3Route> s3Routes = new CopyOnWriteArrayList<>();
    private final Map<String, List<EventDelivery.StreamShard>> streamMappings = new HashMap<>();
    private final List<LocalFunction> functions = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Consumer<S3ObjectEvent>> objectWatchers = new CopyOnWriteArrayList<>();
    private final String articlesBucket;
    private final String siteBucket;
    private final String tableName;
    private final Map<String, LocalFunction> functionsById = new HashMap<>();
    private EmbeddedS3 s3;
    private DynaliteProcess dynalite;
    private DynamoStreamProxy dynamoDb;
    private ApiGatewayServer api;

    private record S3Route(String bucket, SamTemplate.S3Trigger trigger, LocalFunction function, int maximumRetries) {
    }

    private EmbeddedCloud(SamTemplate template) {
        this.template = template;
        this.notifications = new S3Notifications(template.stack().region());
        Map<String, String> env = template.functionEnvironment(Map.of());
        this.articlesBucket = env.get("BROADSHEET_ARTICLES_BUCKET");
        this.siteBucket = env.get("BROADSHEET_SITE_BUCKET");
        this.tableName = env.get("BROADSHEET_TABLE_NAME");
    }

    public static EmbeddedCloud start(CloudOptions options) {
        SamTemplate template = SamTemplate.locate(options.workDir(), SamTemplate.StackIdentity.LOCAL);
        EmbeddedCloud cloud = new EmbeddedCloud(template);
        try {
            cloud.startServices(options);
            return cloud;
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    private void startServices(CloudOptions options) {
        Path data = options.dataDir();
        s3 = EmbeddedS3.start(data == null ? null : data.resolve("s3"), this::onObjectChange);
        closeables.add(s3);
        dynalite = DynaliteProcess.start(options.workDir(), data == null ? null : data.resolve("dynamodb"));
        closeables.add(dynalite);
        Map<String, TableSpec> tables = new HashMap<>();
        Map<String, String> streamViews = new HashMap<>();
        for (String logicalId : template.resourcesOfType("AWS::DynamoDB::Table")) {
            TableSpec spec = template.table(logicalId);
            String name = template.physicalName(logicalId);
            tables.put(name, spec);
            if (spec.streamViewType() != null) {
                streamViews.put(name, spec.streamViewType());
            }
        }
        dynamoDb = new DynamoStreamProxy(dynalite.endpoint(), region(), template.stack().accountId(), streamViews, this::onStreamRecord);
        closeables.add(dynamoDb);

        template.resourcesOfType("AWS::S3::Bucket").forEach(b -> s3.createBucket(template.physicalName(b)));
        try (DynamoDbClient client = dynamoDbClient()) {
            tables.forEach((name, spec) -> createTable(client, name, spec));
        }

        S3Client siteReader = s3Client();
        closeables.add(siteReader);
        LocalFunction[] apiFunction = new LocalFunction[1];
        api = new ApiGatewayServer(options.apiPort(),
                json -> (APIGatewayProxyResponseEvent) invokeApi(apiFunction[0], json), siteReader, siteBucket);
        closeables.add(api);

        Map<String, String> env = new HashMap<>(template.functionEnvironment(Map.of()));
        env.put("BROADSHEET_SITE_BASE_URL", api.endpoint().resolve("site/").toString());
        Map<String, Object> properties = FunctionSettings.properties(env, s3.endpoint(), dynamoDb.endpoint(), region());
        for (FunctionSpec spec : template.functions()) {
            LocalFunction function = new LocalFunction(spec.logicalId(), spec.handler(), properties, region(),
                    template.stack().accountId());
            functions.add(function);
            functionsById.put(spec.logicalId(), function);
            spec.s3Triggers().forEach(t -> s3Routes.add(new S3Route(template.physicalName(t.bucketLogicalId()), t, function,
                    spec.maximumAsyncRetries())));
            spec.streamTriggers().forEach(t -> {
                String table = template.physicalName(t.tableLogicalId());
                synchronized (streamMappings) {
                    streamMappings.computeIfAbsent(table, k -> new ArrayList<>()).add(
                            delivery.streamMapping(function, t.batchSize(), t.maximumRetryAttempts(), t.reportBatchItemFailures()));
                }
            });
            if (!spec.apiTriggers().isEmpty()) {
                apiFunction[0] = function;
            }
        }
    }

    private Object invokeApi(LocalFunction function, String eventJson) {
        if (function == null) {
            APIGatewayProxyResponseEvent missing = new APIGatewayProxyResponseEvent();
            missing.setStatusCode(404);
            missing.setBody("no function with an Api event in the template");
            return missing;
        }
        return function.invoke(eventJson, APIGatewayProxyRequestEvent.class);
    }

    private void onObjectChange(S3ObjectEvent change) {
        objectWatchers.forEach(w -> w.accept(change));
        for (S3Route route : s3Routes) {
            if (route.bucket().equals(change.bucket()) && route.trigger().matches(change.eventName(), change.key())) {
                delivery.invokeAsync(route.function(), notifications.event(change, route.trigger().name()), route.maximumRetries());
            }
        }
    }

    private void onStreamRecord(String table, ObjectNode record) {
        List<EventDelivery.StreamShard> shards;
        synchronized (streamMappings) {
            shards = streamMappings.getOrDefault(table, List.of());
        }
        shards.forEach(shard -> shard.add(record));
    }

    private static void createTable(DynamoDbClient client, String name, TableSpec spec) {
        if (client.listTables().tableNames().contains(name)) {
            return;
        }
        boolean onDemand = "PAY_PER_REQUEST".equals(spec.billingMode());
        ProvisionedThroughput throughput = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();
        client.createTable(b -> {
            b.tableName(name)
                    .attributeDefinitions(spec.attributeTypes().entrySet().stream()
                            .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build()).toList())
                    .keySchema(keys(spec.keySchema()))
                    .billingMode(onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED);
            if (!onDemand) {
                b.provisionedThroughput(throughput);
            }
            if (!spec.globalSecondaryIndexes().isEmpty()) {
                b.globalSecondaryIndexes(spec.globalSecondaryIndexes().stream().map(i -> {
                    var index = GlobalSecondaryIndex.builder().indexName(i.indexName()).keySchema(keys(i.keySchema()))
                            .projection(Projection.builder().projectionType(i.projectionType()).build());
                    if (!onDemand) {
                        index.provisionedThroughput(throughput);
                    }
                    return index.build();
                }).toList());
            }
            if (spec.streamViewType() != null) {
                b.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(spec.streamViewType()).build());
            }
        });
    }

    private static List<KeySchemaElement> keys(List<SamTemplate.KeyElement> elements) {
        return elements.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build()).toList();
    }

    /** An S3 client for this cloud, as a caller outside it would build one. */
    public S3Client s3Client() {
        return CloudClients.s3(this);
    }

    /** A DynamoDB client for this cloud (its writes produce stream records). */
    public DynamoDbClient dynamoDbClient() {
        return CloudClients.dynamoDb(this);
    }

    /**
     * Calls {@code watcher} with every change of every bucket, on the writer's thread as the change is
     * committed (before the writer gets its answer): an exact signal for measurements, which polling
     * the bucket would disturb. The watcher must be quick and must not call the cloud.
     */
    public void addObjectWatcher(Consumer<S3ObjectEvent> watcher) {
        objectWatchers.add(watcher);
    }

    /** The process that runs DynamoDB (dynalite on Node.js), e.g. to read its memory. */
    public ProcessHandle dynamoDbProcess() {
        return dynalite.process();
    }

    /** Switch for injected S3 errors, for reliability tests. */
    public FaultyBlobStore s3Faults() {
        return s3.faults();
    }

    /**
     * Test hooks around the invocations of the template's function {@code logicalId}; from this
     * call on, its invocations are recorded.
     */
    public FunctionHooks functionHooks(String logicalId) {
        LocalFunction function = functionsById.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in the template");
        }
        function.hooks().record();
        return function.hooks();
    }

    /**
     * A DynamoDB outage: dynalite stops, and every DynamoDB call is answered 500 until
     * {@link #startDynamoDb()}. The tables are kept, so the cloud must have a data folder.
     */
    public void stopDynamoDb() {
        dynalite.stop();
    }

    /** The end of the outage: dynalite starts again on its port with the tables it had. */
    public void startDynamoDb() {
        dynalite.restart();
    }

    @Override
    public URI s3Endpoint() {
        return s3.endpoint();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    @Override
    public URI apiEndpoint() {
        return api.endpoint();
    }

    @Override
    public String region() {
        return template.stack().region();
    }

    @Override
    public String articlesBucket() {
        return articlesBucket;
    }

    @Override
    public String siteBucket() {
        return siteBucket;
    }

    @Override
    public String tableName() {
        return tableName;
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return delivery.awaitIdle(timeout);
    }

    @Override
    public List<FailedInvocation> failures() {
        return delivery.failures();
    }

    @Override
    public int redriveFailures() {
        return delivery.redriveFailures();
    }

    @Override
    public void close() {
        delivery.close();
        functions.forEach(LocalFunction::close);
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(EmbeddedCloud.class).warn("closing {} failed", closeables.get(i), e);
            }
        }
    }
}
