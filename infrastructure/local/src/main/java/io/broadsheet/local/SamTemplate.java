package io.broadsheet.local;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployed wiring, read from {@code infrastructure/template.yaml}: which function handles which
 * trigger, the table's keys and indexes, and the settings the functions read from their environment.
 * Local clouds follow it instead of a copy of it, so local and deployed behaviour cannot drift apart.
 *
 * <p>CloudFormation's intrinsic functions are evaluated for a fixed local stack (name, account,
 * region), far enough for names and settings: {@code Ref}, {@code Sub}, {@code GetAtt}, {@code If},
 * {@code Not}, {@code Equals}, {@code Select}, {@code Join}.
 */
public final class SamTemplate {

    public static final String TEMPLATE_PATH = "infrastructure/template.yaml";
    private static final String CLASSPATH_COPY = "/io/broadsheet/local/template.yaml";
    private static final List<String> SHORT_TAGS = List.of("Ref", "Sub", "GetAtt", "If", "Not", "Equals", "Select",
            "Join", "And", "Or", "FindInMap", "Base64", "Split", "ImportValue", "GetAZs", "Condition");

    private final Map<String, Object> root;
    private final StackIdentity stack;

    /** The pseudo parameters a local stack answers with. */
    public record StackIdentity(String stackName, String accountId, String region) {
        public static final StackIdentity LOCAL = new StackIdentity("broadsheet", "000000000000", "us-east-1");
    }

    public record S3Trigger(String name, String bucketLogicalId, List<String> events, String prefix, String suffix) {
        /** Whether an S3 event name ({@code ObjectCreated:Put}) and key match this trigger. */
        public boolean matches(String eventName, String key) {
            boolean event = events.stream().anyMatch(pattern -> {
                String p = pattern.startsWith("s3:") ? pattern.substring(3) : pattern;
                return p.endsWith("*") ? eventName.startsWith(p.substring(0, p.length() - 1)) : eventName.equals(p);
            });
            return event && (prefix == null || key.startsWith(prefix)) && (suffix == null || key.endsWith(suffix));
        }
    }

    public record StreamTrigger(String name, String tableLogicalId, int batchSize, int maximumRetryAttempts,
                                boolean reportBatchItemFailures, String startingPosition) {
    }

    public record ApiTrigger(String name, String path, String method) {
    }

    /**
     * @param maximumAsyncRetries how often Lambda retries a failed asynchronous invocation before the
     *                            failure destination ({@code EventInvokeConfig.MaximumRetryAttempts},
     *                            Lambda's default 2 when absent)
     */
    public record FunctionSpec(String logicalId, String handler, String codeUri, List<S3Trigger> s3Triggers,
                               List<StreamTrigger> streamTriggers, List<ApiTrigger> apiTriggers, int maximumAsyncRetries) {
    }

    public record KeyElement(String attributeName, String keyType) {
    }

    public record IndexSpec(String indexName, List<KeyElement> keySchema, String projectionType) {
    }

    public record TableSpec(String logicalId, Map<String, String> attributeTypes, List<KeyElement> keySchema,
                            List<IndexSpec> globalSecondaryIndexes, String billingMode, String streamViewType) {
    }

    private SamTemplate(Map<String, Object> root, StackIdentity stack) {
        this.root = root;
        this.stack = stack;
    }

    public static SamTemplate parse(String yaml, StackIdentity stack) {
        LoadSettings settings = LoadSettings.builder().setLabel("template.yaml").build();
        Object loaded = new Load(settings, new IntrinsicConstructor(settings)).loadFromString(yaml);
        return new SamTemplate(asMap(loaded), stack);
    }

    /**
     * The template of the source tree when run inside it (walking up from {@code start}), else the
     * copy packaged into this jar at build time.
     */
    public static SamTemplate locate(Path start, StackIdentity stack) {
        Optional<Path> source = sourceFile(start);
        if (source.isPresent()) {
            try {
                return parse(Files.readString(source.get()), stack);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = SamTemplate.class.getResourceAsStream(CLASSPATH_COPY)) {
            if (in == null) {
                throw new IllegalStateException("no " + TEMPLATE_PATH + " above " + start + " and none packaged");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code infrastructure/template.yaml} of the source tree {@code start} is in, walking up. */
    public static Optional<Path> sourceFile(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(TEMPLATE_PATH);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The whole template as read, intrinsics in their long form ({@code {"Ref": "X"}}), for the
     * checks that need more than the typed views (policies, globals, event configurations).
     */
    public Map<String, Object> tree() {
        return java.util.Collections.unmodifiableMap(root);
    }

    public StackIdentity stack() {
        return stack;
    }

    public List<FunctionSpec> functions() {
        List<FunctionSpec> functions = new ArrayList<>();
        resources().forEach((id, resource) -> {
            Map<String, Object> r = asMap(resource);
            if (!"AWS::Serverless::Function".equals(r.get("Type"))) {
                return;
            }
            Map<String, Object> props = asMap(r.get("Properties"));
            List<S3Trigger> s3 = new ArrayList<>();
            List<StreamTrigger> streams = new ArrayList<>();
            List<ApiTrigger> apis = new ArrayList<>();
            asMap(props.get("Events")).forEach((name, event) -> {
                Map<String, Object> e = asMap(event);
                Map<String, Object> p = asMap(e.get("Properties"));
                switch (String.valueOf(e.get("Type"))) {
                    case "S3" -> s3.add(s3Trigger(name, p));
                    case "DynamoDB" -> streams.add(new StreamTrigger(name, logicalIdOf(p.get("Stream")),
                            intOr(p.get("BatchSize"), 100), intOr(p.get("MaximumRetryAttempts"), -1),
                            asList(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
                            String.valueOf(p.getOrDefault("StartingPosition", "TRIM_HORIZON"))));
                    case "Api" -> apis.add(new ApiTrigger(name, String.valueOf(p.get("Path")), String.valueOf(p.get("Method"))));
                    default -> { }
                }
            });
            functions.add(new FunctionSpec(id, String.valueOf(props.get("Handler")), stringOrNull(props.get("CodeUri")),
                    List.copyOf(s3), List.copyOf(streams), List.copyOf(apis),
                    intOr(asMap(props.get("EventInvokeConfig")).get("MaximumRetryAttempts"), 2)));
        });
        return functions;
    }

    public FunctionSpec function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in the template"));
    }

    public TableSpec table(String logicalId) {
        Map<String, Object> props = asMap(asMap(resources().get(logicalId)).get("Properties"));
        Map<String, String> types = new LinkedHashMap<>();
        asList(props.get("AttributeDefinitions")).forEach(a -> types.put(
                String.valueOf(asMap(a).get("AttributeName")), String.valueOf(asMap(a).get("AttributeType"))));
        List<IndexSpec> indexes = asList(props.get("GlobalSecondaryIndexes")).stream().map(i -> {
            Map<String, Object> index = asMap(i);
            return new IndexSpec(String.valueOf(index.get("IndexName")), keySchema(index.get("KeySchema")),
                    String.valueOf(asMap(index.get("Projection")).getOrDefault("ProjectionType", "ALL")));
        }).toList();
        Object stream = asMap(props.get("StreamSpecification")).get("StreamViewType");
        return new TableSpec(logicalId, types, keySchema(props.get("KeySchema")), indexes,
                String.valueOf(props.getOrDefault("BillingMode", "PROVISIONED")), stringOrNull(stream));
    }

    /** The physical name of a resource, as {@code !Ref} gives it (bucket names, table names). */
    public String physicalName(String logicalId) {
        return String.valueOf(ref(logicalId));
    }

    /** {@code Globals.Function.Environment.Variables}, evaluated. */
    public Map<String, String> functionEnvironment(Map<String, String> parameterOverrides) {
        Map<String, Object> globals = asMap(asMap(root.get("Globals")).get("Function"));
        Map<String, Object> vars = asMap(asMap(globals.get("Environment")).get("Variables"));
        Map<String, String> env = new LinkedHashMap<>();
        Evaluator evaluator = new Evaluator(parameterOverrides);
        vars.forEach((name, value) -> env.put(name, String.valueOf(evaluator.eval(value))));
        return env;
    }

    private Map<String, Object> resources() {
        return asMap(root.get("Resources"));
    }

    private S3Trigger s3Trigger(String name, Map<String, Object> p) {
        Object events = p.get("Events");
        List<String> eventList = events instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(events));
        String prefix = null;
        String suffix = null;
        for (Object rule : asList(asMap(asMap(p.get("Filter")).get("S3Key")).get("Rules"))) {
            Map<String, Object> r = asMap(rule);
            String ruleName = String.valueOf(r.get("Name")).toLowerCase();
            if (ruleName.equals("prefix")) {
                prefix = String.valueOf(r.get("Value"));
            } else if (ruleName.equals("suffix")) {
                suffix = String.valueOf(r.get("Value"));
            }
        }
        return new S3Trigger(name, logicalIdOf(p.get("Bucket")), eventList, prefix, suffix);
    }

    /** The logical id behind {@code !Ref X} or {@code !GetAtt X.Attr}. */
    private static String logicalIdOf(Object value) {
        Map<String, Object> fn = asMap(value);
        if (fn.containsKey("Ref")) {
            return String.valueOf(fn.get("Ref"));
        }
        Object getAtt = fn.get("Fn::GetAtt");
        if (getAtt instanceof List<?> l) {
            return String.valueOf(l.get(0));
        }
        if (getAtt != null) {
            return String.valueOf(getAtt).split("\\.", 2)[0];
        }
        return String.valueOf(value);
    }

    private static List<KeyElement> keySchema(Object value) {
        return asList(value).stream().map(k -> new KeyElement(String.valueOf(asMap(k).get("AttributeName")),
                String.valueOf(asMap(k).get("KeyType")))).toList();
    }

    private Object ref(String name) {
        return new Evaluator(Map.of()).ref(name);
    }

    /** Evaluates intrinsic functions for the local stack. */
    private final class Evaluator {
        private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
        private final Map<String, String> parameterOverrides;

        Evaluator(Map<String, String> parameterOverrides) {
            this.parameterOverrides = parameterOverrides;
        }

        Object eval(Object value) {
            if (value instanceof Map<?, ?> m && m.size() == 1) {
                String fn = String.valueOf(m.keySet().iterator().next());
                Object arg = m.values().iterator().next();
                switch (fn) {
                    case "Ref": return ref(String.valueOf(arg));
                    case "Fn::Sub": return sub(arg);
                    case "Fn::GetAtt": return logicalIdOf(value) + "." + attributeOf(arg);
                    case "Fn::If": {
                        List<Object> a = asList(arg);
                        return Boolean.TRUE.equals(condition(String.valueOf(a.get(0)))) ? eval(a.get(1)) : eval(a.get(2));
                    }
                    case "Fn::Not": return !Boolean.TRUE.equals(eval(asList(arg).get(0)));
                    case "Fn::Equals": return String.valueOf(eval(asList(arg).get(0))).equals(String.valueOf(eval(asList(arg).get(1))));
                    case "Fn::And": return asList(arg).stream().allMatch(c -> Boolean.TRUE.equals(eval(c)));
                    case "Fn::Or": return asList(arg).stream().anyMatch(c -> Boolean.TRUE.equals(eval(c)));
                    case "Condition": return condition(String.valueOf(arg));
                    case "Fn::Select": {
                        List<Object> a = asList(arg);
                        return asList(eval(a.get(1))).get(Integer.parseInt(String.valueOf(eval(a.get(0)))));
                    }
                    case "Fn::Join": {
                        List<Object> a = asList(arg);
                        return String.join(String.valueOf(a.get(0)), asList(a.get(1)).stream().map(v -> String.valueOf(eval(v))).toList());
                    }
                    default: break;
                }
            }
            if (value instanceof List<?> l) {
                return l.stream().map(this::eval).toList();
            }
            return value;
        }

        private String attributeOf(Object getAtt) {
            return getAtt instanceof List<?> l ? String.valueOf(l.get(1)) : String.valueOf(getAtt).split("\\.", 2)[1];
        }

        private Object condition(String name) {
            return eval(asMap(root.get("Conditions")).get(name));
        }

        Object ref(String name) {
            switch (name) {
                case "AWS::StackName": return stack.stackName();
                case "AWS::AccountId": return stack.accountId();
                case "AWS::Region": return stack.region();
                case "AWS::Partition": return "aws";
                case "AWS::URLSuffix": return "amazonaws.com";
                default: break;
            }
            Map<String, Object> parameters = asMap(root.get("Parameters"));
            if (parameters.containsKey(name)) {
                return parameterOverrides.getOrDefault(name, stringOr(asMap(parameters.get(name)).get("Default"), ""));
            }
            Map<String, Object> resource = asMap(resources().get(name));
            Map<String, Object> props = asMap(resource.get("Properties"));
            for (String nameProperty : List.of("BucketName", "TableName", "FunctionName", "QueueName")) {
                if (props.containsKey(nameProperty)) {
                    return eval(props.get(nameProperty));
                }
            }
            // CloudFormation generates "<stack>-<logicalId>-<suffix>"; a stable local equivalent.
            return stack.stackName() + "-" + name;
        }

        private String sub(Object arg) {
            String text;
            Map<String, Object> vars = Map.of();
            if (arg instanceof List<?> l) {
                text = String.valueOf(l.get(0));
                vars = asMap(l.get(1));
            } else {
                text = String.valueOf(arg);
            }
            Matcher m = VARIABLE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String var = m.group(1);
                Object v;
                if (vars.containsKey(var)) {
                    v = eval(vars.get(var));
                } else if (var.contains(".") && !var.startsWith("AWS::")) {
                    v = var;
                } else {
                    v = ref(var);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(v)));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    /** Builds the long form ({@code {"Fn::Sub": ...}}) of every short tag ({@code !Sub}). */
    private static final class IntrinsicConstructor extends StandardConstructor {
        IntrinsicConstructor(LoadSettings settings) {
            super(settings);
            for (String name : SHORT_TAGS) {
                String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                tagConstructors.put(new Tag("!" + name), new IntrinsicNode(key));
            }
        }

        private final class IntrinsicNode implements ConstructNode {
            private final String key;

            IntrinsicNode(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                    if (key.equals("Fn::GetAtt")) {
                        value = List.of(((String) value).split("\\.", 2));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static int intOr(Object value, int otherwise) {
        return value == null ? otherwise : Integer.parseInt(String.valueOf(value));
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String stringOr(Object value, String otherwise) {
        return value == null ? otherwise : String.valueOf(value);
    }

    /** Logical ids of the resources of one type ({@code AWS::S3::Bucket}), in template order. */
    public List<String> resourcesOfType(String type) {
        return resources().entrySet().stream().filter(e -> type.equals(asMap(e.getValue()).get("Type")))
                .map(Map.Entry::getKey).toList();
    }
}
