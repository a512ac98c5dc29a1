/**
 * Usage figures: the caller's accounting and the service-wide app statistics.
 */
package io.caesarrest.api.accounting;
