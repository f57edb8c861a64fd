package io.broadsheet.local.embedded.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The {@link Context} of one local invocation: names, limits and a logger, as Lambda gives them. */
final class LocalLambdaContext implements Context {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final String functionName;
    private final String arn;
    private final String requestId = UUID.randomUUID().toString();
    private final long start = System.currentTimeMillis();

    LocalLambdaContext(String functionName, String region, String accountId) {
        this.functionName = functionName;
        this.arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return arn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, TIMEOUT_MILLIS - (System.currentTimeMillis() - start));
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        var log = LoggerFactory.getLogger("lambda." + functionName);
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.info(message);
            }

            @Override
            public void log(byte[] message) {
                log.info(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
