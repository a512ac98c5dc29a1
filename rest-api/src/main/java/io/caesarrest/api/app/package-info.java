/**
 * The app catalog and dataset endpoints.
 */
package io.caesarrest.api.app;
