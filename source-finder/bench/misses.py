#!/usr/bin/env python3
"""Where the finder's misses at S/N 5-7 are: below the seed, blended, or isolated near it.

Matches a components catalog (`catalog_fitcomp-*.json` of `sfinder find`) to the
simulator's truth CSV as the benchmark does (one to one, nearest first, within one beam
FWHM) and sorts the missed true sources of an S/N bin by what their image pixels say: no
pixel within 2 px of the true position at or above the seed threshold (the threshold
itself), or such a pixel with another true source within 2 beams (blended), or isolated.
Needs numpy and astropy (Debian: python3-astropy).

Usage: source-finder/bench/misses.py IMAGE.fits TRUTH.csv COMPONENTS.json [beam_px=4] [snr_lo=5] [snr_hi=7]
"""
import csv
import json
import sys

import numpy as np
from astropy.io import fits


def main():
    image, truth_csv, catalog = sys.argv[1:4]
    fwhm = float(sys.argv[4]) if len(sys.argv) > 4 else 4.0
    lo = float(sys.argv[5]) if len(sys.argv) > 5 else 5.0
    hi = float(sys.argv[6]) if len(sys.argv) > 6 else 7.0
    pixels = fits.getdata(image).squeeze().astype(float)
    found = json.load(open(catalog))
    meta = found["metadata"]
    rms, seed = meta["noise_median"], meta["seed_threshold"]
    truth = list(csv.DictReader(open(truth_csv)))
    tx = np.array([float(t["x"]) for t in truth])
    ty = np.array([float(t["y"]) for t in truth])
    snr = np.array([float(t["snr"]) for t in truth])
    kind = np.array([t["kind"] for t in truth])
    cx = np.array([c["x"] for c in found["components"]])
    cy = np.array([c["y"] for c in found["components"]])

    order = np.argsort(tx)
    sorted_x = tx[order]
    pairs = []
    for j, (x, y) in enumerate(zip(cx, cy)):
        for i in order[np.searchsorted(sorted_x, x - fwhm):np.searchsorted(sorted_x, x + fwhm)]:
            d = np.hypot(tx[i] - x, ty[i] - y)
            if d <= fwhm:
                pairs.append((d, i, j))
    pairs.sort()
    matched, used = set(), set()
    for _, i, j in pairs:
        if i not in matched and j not in used:
            matched.add(i)
            used.add(j)

    def peak(i):
        x, y = int(round(tx[i])), int(round(ty[i]))
        return pixels[max(0, y - 2):y + 3, max(0, x - 2):x + 3].max() / rms

    def neighbour(i):
        d = np.hypot(tx - tx[i], ty - ty[i])
        d[i] = np.inf
        return d.min() / fwhm

    in_bin = np.where((snr >= lo) & (snr < hi))[0]
    missed = [i for i in in_bin if i not in matched]
    above = [i for i in missed if peak(i) >= seed]
    blended = [i for i in above if neighbour(i) < 2]
    print(f"S/N {lo:g}-{hi:g}: {len(in_bin)} true sources, {len(in_bin) - len(missed)} found "
          f"({(len(in_bin) - len(missed)) / len(in_bin):.3f}), seed {seed} sigma, noise {rms:.4g}")
    ceiling = sum(1 for i in in_bin if peak(i) >= seed)
    print(f"with a pixel within 2 px at or above the seed: {ceiling} ({ceiling / len(in_bin):.3f})")
    print(f"missed: {len(missed)}; below the seed: {len(missed) - len(above)}; "
          f"above it: {len(above)}, of which {len(blended)} within 2 beams of another source "
          f"and {len(above) - len(blended)} isolated")
    print("missed by kind: " + ", ".join(f"{k} {sum(1 for i in missed if kind[i] == k)}" for k in sorted(set(kind))))
    for i in above:
        print(f"  x {tx[i]:.1f} y {ty[i]:.1f} S/N {snr[i]:.2f} {kind[i]}: peak pixel {peak(i):.2f} sigma, "
              f"nearest true source {neighbour(i):.2f} beams")


if __name__ == "__main__":
    main()
