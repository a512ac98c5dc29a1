/**
 * IVOA UWS 1.1 views of the jobs: one job list per app.
 */
@NullMarked
package io.caesarrest.api.uws;

import org.jspecify.annotations.NullMarked;
