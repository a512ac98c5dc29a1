/**
 * Job submission, listing, status, cancel and outputs.
 */
package io.caesarrest.api.job;
