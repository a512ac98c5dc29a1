package io.caesarrest.finder.detect;

/**
 * Disjoint sets over integer ids with path halving and union by size.
 */
final class UnionFind {

	private final int[] parent;

	private final int[] size;

	UnionFind(int count) {
		this.parent = new int[count];
		this.size = new int[count];
		for (int i = 0; i < count; i++) {
			this.parent[i] = i;
			this.size[i] = 1;
		}
	}

	int find(int id) {
		int node = id;
		while (this.parent[node] != node) {
			this.parent[node] = this.parent[this.parent[node]];
			node = this.parent[node];
		}
		return node;
	}

	void union(int a, int b) {
		int rootA = find(a);
		int rootB = find(b);
		if (rootA == rootB) {
			return;
		}
		if (this.size[rootA] < this.size[rootB]) {
			int t = rootA;
			rootA = rootB;
			rootB = t;
		}
		this.parent[rootB] = rootA;
		this.size[rootA] += this.size[rootB];
	}

}
