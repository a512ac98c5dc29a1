/**
 * Uploaded data files and their records.
 */
package io.caesarrest.file;
