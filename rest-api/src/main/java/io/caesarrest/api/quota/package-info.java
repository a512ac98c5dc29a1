/**
 * Per-user quotas: stored bytes, active jobs and submissions per minute.
 */
package io.caesarrest.api.quota;
