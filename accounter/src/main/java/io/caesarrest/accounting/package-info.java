/**
 * Usage aggregation per user and per app.
 */
package io.caesarrest.accounting;
