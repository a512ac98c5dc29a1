/**
 * The web UI: static pages served at {@code /}, the settings they read, and the security
 * rules of their resources.
 */
@NullMarked
package io.caesarrest.api.ui;

import org.jspecify.annotations.NullMarked;
