#!/bin/sh
# Makes a Debian base image on the local Docker daemon without any registry: debootstrap a minimal bookworm from
# the Debian mirror apt is configured with, then `docker import` it. Usage (as root, with debootstrap installed):
#   deploy/docker/build-base-image.sh [image name, default local/debian:bookworm]
# Then build with BASE_IMAGE=local/debian:bookworm. Does nothing if the image exists already.
set -eu
image="${1:-local/debian:bookworm}"
if docker image inspect "$image" >/dev/null 2>&1; then
  echo "build-base-image: $image exists"
  exit 0
fi
mirror=$(grep -rhs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n 1)
if [ -z "$mirror" ]; then
  mirror=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -n 1)
fi
mirror="${mirror:-http://deb.debian.org/debian}"
dir=$(mktemp -d /tmp/caesar-debootstrap.XXXXXX)
trap 'rm -rf "$dir"' EXIT
echo "build-base-image: debootstrap bookworm from $mirror"
debootstrap --variant=minbase bookworm "$dir" "$mirror" >/dev/null
# no apt lists or caches in the image: builds run apt-get update first
rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/archives/*.deb
tar -C "$dir" -c . | docker import - "$image" >/dev/null
echo "build-base-image: $image ready"
