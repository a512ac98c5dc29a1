/**
 * Authentication: the OAuth2 resource server that turns a bearer token into a caller, the
 * admin role, security headers and CORS.
 */
package io.caesarrest.api.security;
