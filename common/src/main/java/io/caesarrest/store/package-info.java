/**
 * The embedded MongoDB-wire-compatible store used when no MongoDB URI is configured.
 */
package io.caesarrest.store;
