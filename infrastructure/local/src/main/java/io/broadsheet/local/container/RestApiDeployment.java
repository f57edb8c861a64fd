package io.broadsheet.local.container;

import io.broadsheet.local.SamTemplate.ApiTrigger;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.net.URI;
import java.util.List;

/**
 * The template's REST API (API Gateway v1, Lambda proxy) created in an emulator with the SDK: one
 * resource per {@code Api} event path (e.g. {@code /{proxy+}}), its method with an {@code AWS_PROXY}
 * integration to the function, a deployment to a stage and the permission for API Gateway to invoke
 * the function. The URL uses the emulators' path form
 * {@code <endpoint>/restapis/<id>/<stage>/_user_request_/}, which needs no wildcard DNS.
 */
record RestApiDeployment(String restApiId, String stage, URI invokeUrl) {

    static RestApiDeployment create(ApiGatewayClient apiGateway, LambdaClient lambda, URI endpoint, String region,
                                    String accountId, String name, String stage, String functionName,
                                    String functionArn, List<ApiTrigger> triggers) {
        String apiId = apiGateway.createRestApi(b -> b.name(name)).id();
        String rootId = apiGateway.getResources(b -> b.restApiId(apiId)).items().stream()
                .filter(r -> "/".equals(r.path())).map(Resource::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("REST API " + apiId + " has no root resource"));
        String integrationUri = "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
        for (ApiTrigger trigger : triggers) {
            String resourceId = resourceFor(apiGateway, apiId, rootId, trigger.path());
            String method = "any".equalsIgnoreCase(trigger.method()) ? "ANY" : trigger.method().toUpperCase(java.util.Locale.ROOT);
            apiGateway.putMethod(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(method).authorizationType("NONE"));
            // Lambda proxy integrations are always invoked with POST, whatever the client's method.
            apiGateway.putIntegration(b -> b.restApiId(apiId).resourceId(resourceId).httpMethod(method)
                    .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(integrationUri));
        }
        apiGateway.createDeployment(b -> b.restApiId(apiId).stageName(stage));
        lambda.addPermission(b -> b.functionName(functionName).statementId("apigateway-" + apiId)
                .action("lambda:InvokeFunction").principal("apigateway.amazonaws.com")
                .sourceArn("arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/*/*/*"));
        URI url = URI.create(endpoint.toString().replaceAll("/$", "") + "/restapis/" + apiId + "/" + stage + "/_user_request_/");
        return new RestApiDeployment(apiId, stage, url);
    }

    /** The resource for {@code path} under the root, creating each missing segment ({@code /} is the root). */
    private static String resourceFor(ApiGatewayClient apiGateway, String apiId, String rootId, String path) {
        String parentId = rootId;
        String current = "";
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            current = current + "/" + segment;
            String wanted = current;
            String parent = parentId;
            parentId = apiGateway.getResources(b -> b.restApiId(apiId).limit(500)).items().stream()
                    .filter(r -> wanted.equals(r.path())).map(Resource::id).findFirst()
                    .orElseGet(() -> apiGateway.createResource(b -> b.restApiId(apiId).parentId(parent).pathPart(segment)).id());
        }
        return parentId;
    }
}
