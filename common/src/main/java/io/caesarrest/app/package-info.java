/**
 * App catalog: YAML app descriptors, their describe output, job option validation and
 * command lines.
 */
package io.caesarrest.app;
