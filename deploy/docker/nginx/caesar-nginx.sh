#!/bin/sh
# Writes nginx's configuration from the environment, then runs nginx in the foreground.
set -eu
upstream="${CAESAR_UPSTREAM:-rest-api:8080}"
# the service's upload limit (Spring's data size: 2GB = 2 GiB) plus room for the multipart framing
body_limit=$(printf '%s\n' "${CAESAR_UPLOAD_MAX_SIZE:-2GB}" | awk '{
  v = toupper($0); n = v + 0
  if (v ~ /KB$/) n *= 1024; else if (v ~ /MB$/) n *= 1048576; else if (v ~ /GB$/) n *= 1073741824
  else if (v ~ /TB$/) n *= 1099511627776
  printf "%.0f\n", n + 1048576 }')
tls=""
if [ -r /etc/nginx/certs/tls.crt ] && [ -r /etc/nginx/certs/tls.key ]; then
  tls="listen 8443 ssl; ssl_certificate /etc/nginx/certs/tls.crt; ssl_certificate_key /etc/nginx/certs/tls.key;"
  tls="$tls ssl_protocols TLSv1.2 TLSv1.3;"
fi
sed -e "s|@UPSTREAM@|$upstream|" -e "s|@BODY_LIMIT@|$body_limit|" -e "s|@TLS@|$tls|" \
  /etc/nginx/caesar.conf.template > /tmp/nginx.conf
exec nginx -c /tmp/nginx.conf -g 'daemon off;'
