package io.caesarrest.finder.detect;

import java.util.List;

/**
 * The fragments of one tile and the fragment index (or -1) of each pixel on the tile's
 * edges.
 */
record TileLabels(List<Fragment> fragments, int[] bottom, int[] top, int[] left, int[] right) {

}
