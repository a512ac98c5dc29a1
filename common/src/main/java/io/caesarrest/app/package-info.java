/**
 * App catalog: YAML app descriptors, their describe output, job option validation and
 * command lines.
 */
@NullMarked
package io.caesarrest.app;

import org.jspecify.annotations.NullMarked;
