package io.broadsheet.local.container;

import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.net.URI;

/**
 * The template's REST API (API Gateway v1, Lambda proxy) created in an emulator with the SDK: the
 * {@code /{proxy+}} resource with an {@code ANY} method and an {@code AWS_PROXY} integration to the
 * function, a deployment to a stage and the permission for API Gateway to invoke the function. The
 * template's per-method write events exist only to require an API key on writes; locally the function
 * checks a bearer token instead, so one greedy resource carries every route (the function routes). The URL uses the emulators' path form
 * {@code <endpoint>/restapis/<id>/<stage>/_user_request_/}, which needs no wildcard DNS.
 */
record RestApiDeployment(String restApiId, String stage, URI invokeUrl) {

    static RestApiDeployment create(ApiGatewayClient apiGateway, LambdaClient lambda, URI endpoint, String region,
                                    String accountId, String name, String stage, String functionName,
                                    String functionArn) {
        String apiId = apiGateway.createRestApi(b -> b.name(name)).id();
        String rootId = apiGateway.getResources(b -> b.restApiId(apiId)).items().stream()
                .filter(r -> "/".equals(r.path())).map(Resource::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("REST API " + apiId + " has no root resource"));
        String integrationUri = "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
        String proxyId = apiGateway.createResource(b -> b.restApiId(apiId).parentId(rootId).pathPart("{proxy+}")).id();
        apiGateway.putMethod(b -> b.restApiId(apiId).resourceId(proxyId).httpMethod("ANY").authorizationType("NONE"));
        // Lambda proxy integrations are always invoked with POST, whatever the client's method.
        apiGateway.putIntegration(b -> b.restApiId(apiId).resourceId(proxyId).httpMethod("ANY")
                .type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(integrationUri));
        apiGateway.createDeployment(b -> b.restApiId(apiId).stageName(stage));
        lambda.addPermission(b -> b.functionName(functionName).statementId("apigateway-" + apiId)
                .action("lambda:InvokeFunction").principal("apigateway.amazonaws.com")
                .sourceArn("arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/*/*/*"));
        URI url = URI.create(endpoint.toString().replaceAll("/$", "") + "/restapis/" + apiId + "/" + stage + "/_user_request_/");
        return new RestApiDeployment(apiId, stage, url);
    }
}
