/**
 * The REST API of the original service under {@code /caesar/api/v1.0}, and the all-in-one
 * application.
 */
package io.caesarrest.api;
