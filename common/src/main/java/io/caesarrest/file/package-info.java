/**
 * Uploaded data files and their records.
 */
@NullMarked
package io.caesarrest.file;

import org.jspecify.annotations.NullMarked;
