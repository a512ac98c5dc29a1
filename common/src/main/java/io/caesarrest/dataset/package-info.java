/**
 * Pre-installed datasets that jobs can name as their input.
 */
package io.caesarrest.dataset;
