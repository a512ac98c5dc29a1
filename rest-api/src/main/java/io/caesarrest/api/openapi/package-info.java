/**
 * The OpenAPI 3 description of the service ({@code /v3/api-docs}) and its Swagger UI.
 */
@NullMarked
package io.caesarrest.api.openapi;

import org.jspecify.annotations.NullMarked;
