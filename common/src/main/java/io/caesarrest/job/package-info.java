/**
 * Jobs: their states, the one transition table and compare-and-set persistence.
 */
package io.caesarrest.job;
