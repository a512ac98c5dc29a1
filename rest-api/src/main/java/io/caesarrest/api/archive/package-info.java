/**
 * Job directories as tar.gz archives, built while they are sent.
 */
package io.caesarrest.api.archive;
