package io.caesarrest.api.openapi;

import java.util.List;
import java.util.Map;

import io.caesarrest.api.openapi.EndpointDocs.Doc;
import io.caesarrest.api.openapi.EndpointDocs.Param;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completes the OpenAPI document springdoc derives from the controllers: title, bearer
 * authentication, each operation's summary, query parameters, request body, example
 * answer and error answers (JSON {@code {"status": ...}} on the REST API, plain text on
 * UWS).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	private static final String BEARER = "bearer";

	@Bean
	OpenApiCustomizer caesarOpenApi() {
		return (openApi) -> {
			openApi.info(new Info().title("caesar-rest")
				.version("1.0")
				.description("Source extraction and classification jobs on radio astronomy images: the REST API "
						+ "of the original caesar-rest, job event streams (SSE), completion webhooks and "
						+ "IVOA UWS 1.1 job lists.")
				.license(new License().name("GPL-3.0")));
			openApi.components((openApi.getComponents() != null) ? openApi.getComponents() : new Components());
			openApi.getComponents()
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("An access token of the configured OIDC issuer, when caesar.auth.enabled=true"));
			openApi.getPaths().remove("/error");
			openApi.getPaths().forEach(ApiDocumentation::describe);
		};
	}

	private static void describe(String path, PathItem item) {
		item.readOperationsMap().forEach((method, operation) -> {
			String key = method.name().toLowerCase() + " " + path;
			Doc doc = EndpointDocs.DOCS.get(key);
			boolean uws = path.startsWith("/caesar/uws");
			if (doc != null) {
				operation.summary(doc.summary());
			}
			if (operation.getParameters() != null) {
				// springdoc shows a Map of all request parameters as one object: named
				// ones replace it
				operation.getParameters()
					.removeIf((p) -> "query".equals(p.getIn()) && p.getSchema() != null
							&& "object".equals(p.getSchema().getType()));
			}
			if (method == PathItem.HttpMethod.GET) {
				EndpointDocs.QUERY.getOrDefault(path, List.of()).forEach((param) -> addQuery(operation, param));
			}
			operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
			ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
			if (doc != null && doc.example() != null) {
				String type = path.endsWith("/events") ? "text/event-stream" : "application/json";
				ApiResponse ok = responses.computeIfAbsent("200", (code) -> new ApiResponse().description("OK"));
				ok.content(new Content().addMediaType(type,
						new MediaType().schema(new ObjectSchema()).example(doc.example())));
			}
			if (uws && (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.DELETE)) {
				responses.remove("200");
				responses.addApiResponse("303", new ApiResponse()
					.description("See Other: Location is the job " + "(or, after a delete, the job list)"));
			}
			errors(responses, path, method, uws);
			operation.responses(responses);
			body(operation, key);
		});
	}

	private static void addQuery(Operation operation, Param param) {
		boolean known = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((p) -> p.getName().equals(param.name()));
		if (!known) {
			operation.addParametersItem(new Parameter().in("query")
				.name(param.name())
				.description(param.description())
				.required(false)
				.schema(new StringSchema())
				.example(param.example()));
		}
		// springdoc lists a Map of all query parameters as one object: the ones above
		// replace it
		operation.getParameters()
			.removeIf((p) -> "query".equals(p.getIn()) && p.getSchema() != null
					&& "object".equals(p.getSchema().getType()));
	}

	private static void errors(ApiResponses responses, String path, PathItem.HttpMethod method, boolean uws) {
		String type = uws ? "text/plain" : "application/json";
		responses.addApiResponse("401", error(type, uws, "Authentication required (when caesar.auth.enabled=true)"));
		if (path.contains("{")) {
			responses.addApiResponse("404", error(type, uws, "Not found, or not the caller's"));
		}
		if (method == PathItem.HttpMethod.POST || path.endsWith("/jobs") || uws) {
			responses.addApiResponse("400", error(type, uws, "Bad request: the message says what is wrong"));
		}
	}

	private static ApiResponse error(String type, boolean uws, String description) {
		Object example = uws ? "Unknown parameter nope for app sfinder" : Map.of("status", description);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(type,
					new MediaType()
						.schema(uws ? new StringSchema() : new ObjectSchema().addProperty("status", new StringSchema()))
						.example(example)));
	}

	private static void body(Operation operation, String key) {
		if (key.equals("post " + EndpointDocs.API + "/job")) {
			operation.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/json",
						new MediaType().schema(new ObjectSchema()).example("""
								{"app":"sfinder","data_inputs":"9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d",\
								"job_options":{"seedthr":5},"tag":"field-17",\
								"callback_url":"https://example.org/hooks/caesar"}"""))));
		}
		else if (key.equals("post " + EndpointDocs.API + "/upload")) {
			operation.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("multipart/form-data", new MediaType().schema(new ObjectSchema()
					.addProperty("file", new StringSchema().format("binary").description("the file"))))));
		}
		else if (key.startsWith("post " + EndpointDocs.UWS)) {
			operation.requestBody(new RequestBody().content(new Content()
				.addMediaType("application/x-www-form-urlencoded", new MediaType().schema(new ObjectSchema())
					.example("data=9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d&seedthr=5&PHASE=RUN"))));
		}
	}

}
