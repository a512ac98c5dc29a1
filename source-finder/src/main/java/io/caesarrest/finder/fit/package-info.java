/**
 * Multi-component elliptical Gaussian fitting with Levenberg-Marquardt.
 */
package io.caesarrest.finder.fit;
