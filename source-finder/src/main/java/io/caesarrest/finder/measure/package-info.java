/**
 * Island measurements: peak, centroid, integrated flux and moments ellipse.
 */
package io.caesarrest.finder.measure;
