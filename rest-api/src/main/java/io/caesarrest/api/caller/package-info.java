/**
 * Who is calling: every query is scoped to this identity.
 */
package io.caesarrest.api.caller;
