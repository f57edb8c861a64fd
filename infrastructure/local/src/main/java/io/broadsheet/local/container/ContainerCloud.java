package io.broadsheet.local.container;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.broadsheet.local.Backend;
import io.broadsheet.local.CloudClients;
import io.broadsheet.local.CloudOptions;
import io.broadsheet.local.FunctionSettings;
import io.broadsheet.local.LocalCloud;
import io.broadsheet.local.SamTemplate;
import io.broadsheet.local.SamTemplate.FunctionSpec;
import io.broadsheet.local.SamTemplate.TableSpec;
import io.broadsheet.local.embedded.apigateway.ApiGatewayServer;
import io.broadsheet.local.embedded.lambda.LocalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stack on LocalStack or Floci in Docker (Testcontainers): buckets and the table created from
 * the template, the functions deployed as real Lambdas from their shaded jars, S3 notifications and
 * the stream's event source mapping as the template declares them. The api function is deployed as a
 * Lambda too, behind the template's REST API created in the emulated API Gateway
 * ({@link #restApiEndpoint()}, writes with the bearer {@link #apiToken()}); it is also served over HTTP
 * in this JVM ({@link #apiEndpoint()}, the same adapter as the embedded cloud) for the CLI's {@code up}
 * and the shared scenario.
 */
public final class ContainerCloud implements LocalCloud {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerCloud.class);
    public static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";
    public static final String FLOCI_IMAGE = "floci/floci:1.5.33";
    private static final int PORT = 4566;
    /** Containers give no view of queued invocations: a quiet period stands in for "idle". */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final GenericContainer<?> container;
    private final SamTemplate template;
    private final URI endpoint;
    private final Map<String, String> env;
    private LocalFunction apiFunction;
    private ApiGatewayServer api;
    private S3Client siteReader;
    private final String apiToken = UUID.randomUUID().toString();
    private RestApiDeployment restApi;

    private ContainerCloud(GenericContainer<?> container, SamTemplate template) {
        this.container = container;
        this.template = template;
        this.endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT));
        this.env = template.functionEnvironment(Map.of());
    }

    public static ContainerCloud start(CloudOptions options) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("Docker is not running: install Docker or use --backend embedded");
        }
        SamTemplate template = SamTemplate.locate(options.workDir(), SamTemplate.StackIdentity.LOCAL);
        GenericContainer<?> container = options.backend() == Backend.FLOCI ? floci() : localstack();
        container.start();
        ContainerCloud cloud = new ContainerCloud(container, template);
        try {
            cloud.deploy(options);
            return cloud;
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    @SuppressWarnings("resource")
    private static GenericContainer<?> localstack() {
        String image = System.getProperty("broadsheet.localstack.image", LOCALSTACK_IMAGE);
        LocalStackContainer localstack = new LocalStackContainer(DockerImageName.parse(image)
                .asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("s3", "dynamodb", "dynamodbstreams", "lambda", "apigateway", "iam", "sts", "logs")
                .withFileSystemBind("/var/run/docker.sock", "/var/run/docker.sock");
        // The one place the token is read: LocalStack images after 4.14 refuse to start without it.
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            localstack.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        return localstack;
    }

    @SuppressWarnings("resource")
    private static GenericContainer<?> floci() {
        String image = System.getProperty("broadsheet.floci.image", FLOCI_IMAGE);
        return new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(PORT)
                .withCreateContainerCmdModifier(cmd -> cmd.withUser("root"))
                .withFileSystemBind("/var/run/docker.sock", "/var/run/docker.sock")
                .waitingFor(Wait.forListeningPort());
    }

    private void deploy(CloudOptions options) {
        try (S3Client s3 = CloudClients.s3(this); DynamoDbClient dynamo = CloudClients.dynamoDb(this); LambdaClient lambda = lambdaClient();
             ApiGatewayClient apiGateway = apiGatewayClient()) {
            template.resourcesOfType("AWS::S3::Bucket").forEach(b -> s3.createBucket(r -> r.bucket(template.physicalName(b))));
            Map<String, String> streamArns = new HashMap<>();
            for (String logicalId : template.resourcesOfType("AWS::DynamoDB::Table")) {
                String name = template.physicalName(logicalId);
                createTable(dynamo, name, template.table(logicalId));
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
                streamArns.put(logicalId, dynamo.describeTable(b -> b.tableName(name)).table().latestStreamArn());
            }
            String internal = "http://" + container.getContainerInfo().getNetworkSettings().getIpAddress() + ":" + PORT;
            Map<String, List<LambdaFunctionConfiguration>> notifications = new HashMap<>();
            for (FunctionSpec spec : template.functions()) {
                if (!spec.apiTriggers().isEmpty()) {
                    startApi(options);
                    apiFunction = new LocalFunction(spec.logicalId(), spec.handler(),
                            FunctionSettings.properties(env, endpoint, endpoint, region()), region(), template.stack().accountId());
                    String apiArn = deployFunction(lambda, spec, internal,
                            Map.of("BROADSHEET_API_AUTH", "token", "BROADSHEET_API_TOKEN", apiToken));
                    restApi = RestApiDeployment.create(apiGateway, lambda, endpoint, region(), template.stack().accountId(),
                            "broadsheet-local", "local", spec.logicalId(), apiArn);
                    LOG.info("REST API {} at {}", restApi.restApiId(), restApi.invokeUrl());
                    continue;
                }
                String arn = deployFunction(lambda, spec, internal, Map.of());
                for (var trigger : spec.s3Triggers()) {
                    String bucket = template.physicalName(trigger.bucketLogicalId());
                    lambda.addPermission(b -> b.functionName(spec.logicalId()).statementId("s3-" + trigger.name())
                            .action("lambda:InvokeFunction").principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::" + bucket));
                    var config = LambdaFunctionConfiguration.builder().id(trigger.name()).lambdaFunctionArn(arn)
                            .events(trigger.events().stream().map(Event::fromValue).toList());
                    List<FilterRule> rules = new ArrayList<>();
                    if (trigger.prefix() != null) {
                        rules.add(FilterRule.builder().name(FilterRuleName.PREFIX).value(trigger.prefix()).build());
                    }
                    if (trigger.suffix() != null) {
                        rules.add(FilterRule.builder().name(FilterRuleName.SUFFIX).value(trigger.suffix()).build());
                    }
                    if (!rules.isEmpty()) {
                        config.filter(f -> f.key(k -> k.filterRules(rules)));
                    }
                    notifications.computeIfAbsent(bucket, k -> new ArrayList<>()).add(config.build());
                }
                for (var trigger : spec.streamTriggers()) {
                    lambda.createEventSourceMapping(b -> {
                        b.functionName(spec.logicalId()).eventSourceArn(streamArns.get(trigger.tableLogicalId()))
                                .startingPosition(trigger.startingPosition()).batchSize(trigger.batchSize());
                        if (trigger.maximumRetryAttempts() >= 0) {
                            b.maximumRetryAttempts(trigger.maximumRetryAttempts());
                        }
                        if (trigger.reportBatchItemFailures()) {
                            b.functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
                        }
                    });
                }
            }
            notifications.forEach((bucket, configs) -> s3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                    .notificationConfiguration(n -> n.lambdaFunctionConfigurations(configs))));
        }
    }

    private String deployFunction(LambdaClient lambda, FunctionSpec spec, String internalEndpoint, Map<String, String> extraEnv) {
        Path jar = functionJar(spec);
        Map<String, String> variables = new HashMap<>(env);
        variables.put("AWS_SERVICES_S3_ENDPOINT_OVERRIDE", internalEndpoint);
        variables.put("AWS_SERVICES_S3_PATH_STYLE_ACCESS", "true");
        variables.put("AWS_SERVICES_DYNAMODB_ENDPOINT_OVERRIDE", internalEndpoint);
        variables.putAll(extraEnv);
        byte[] code;
        try {
            code = Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("deploying {} from {}", spec.logicalId(), jar);
        String arn = lambda.createFunction(b -> b.functionName(spec.logicalId()).runtime(Runtime.JAVA21)
                .handler(spec.handler()).role("arn:aws:iam::" + template.stack().accountId() + ":role/broadsheet-local")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(code))).timeout(30).memorySize(1024)
                .environment(e -> e.variables(variables))).functionArn();
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(spec.logicalId()));
        return arn;
    }

    /** The shaded jar the template's CodeUri names, relative to {@code infrastructure/}. */
    private Path functionJar(FunctionSpec spec) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infrastructure").resolve(spec.codeUri()).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no jar for " + spec.logicalId() + " at infrastructure/" + spec.codeUri()
                + ": build the functions first (mvn package)");
    }

    private void startApi(CloudOptions options) {
        siteReader = CloudClients.s3(this);
        api = new ApiGatewayServer(options.apiPort(),
                json -> (APIGatewayProxyResponseEvent) apiFunction.invoke(json, APIGatewayProxyRequestEvent.class),
                siteReader, siteBucket());
    }

    private static void createTable(DynamoDbClient client, String name, TableSpec spec) {
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(spec.attributeTypes().entrySet().stream()
                            .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build()).toList())
                    .keySchema(keys(spec.keySchema()));
            if (!spec.globalSecondaryIndexes().isEmpty()) {
                b.globalSecondaryIndexes(spec.globalSecondaryIndexes().stream().map(i -> GlobalSecondaryIndex.builder()
                        .indexName(i.indexName()).keySchema(keys(i.keySchema()))
                        .projection(Projection.builder().projectionType(i.projectionType()).build()).build()).toList());
            }
            if (spec.streamViewType() != null) {
                b.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(spec.streamViewType()).build());
            }
        });
    }

    private static List<KeySchemaElement> keys(List<SamTemplate.KeyElement> elements) {
        return elements.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build()).toList();
    }

    private LambdaClient lambdaClient() {
        return LambdaClient.builder().endpointOverride(endpoint).region(Region.of(region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private ApiGatewayClient apiGatewayClient() {
        return ApiGatewayClient.builder().endpointOverride(endpoint).region(Region.of(region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * The stage URL of the REST API in the emulated API Gateway (ends with {@code /}; resolve
     * {@code health}, {@code articles}, ... against it), or {@code null} when the template has no API.
     */
    public URI restApiEndpoint() {
        return restApi == null ? null : restApi.invokeUrl();
    }

    /** The bearer token the api Lambda behind {@link #restApiEndpoint()} requires for writes. */
    public String apiToken() {
        return apiToken;
    }

    @Override
    public URI s3Endpoint() {
        return endpoint;
    }

    @Override
    public URI dynamoDbEndpoint() {
        return endpoint;
    }

    @Override
    public URI apiEndpoint() {
        return api == null ? null : api.endpoint();
    }

    @Override
    public String region() {
        return template.stack().region();
    }

    @Override
    public String articlesBucket() {
        return env.get("BROADSHEET_ARTICLES_BUCKET");
    }

    @Override
    public String siteBucket() {
        return env.get("BROADSHEET_SITE_BUCKET");
    }

    @Override
    public String tableName() {
        return env.get("BROADSHEET_TABLE_NAME");
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        Thread.sleep(Math.min(timeout.toMillis(), SETTLE.toMillis()));
        return true;
    }

    @Override
    public List<FailedInvocation> failures() {
        return List.of();
    }

    /** Failed invocations stay in the container's Lambda service: none are recorded here, none to redrive. */
    @Override
    public int redriveFailures() {
        return 0;
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        if (apiFunction != null) {
            apiFunction.close();
        }
        if (siteReader != null) {
            siteReader.close();
        }
        container.stop();
    }
}
