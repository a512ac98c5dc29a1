#!/usr/bin/env bash
# The README's "With authentication" curl flow, run by KeycloakIntegrationTests against a
# real Keycloak. Inputs: A (API base), ISSUER, USERNAME, PASSWORD, JAR (the service jar).
set -euo pipefail
cd "$(mktemp -d)"

java -jar "$JAR" sfinder simulate --outfile=sky.fits --truth=sky-truth.csv --size=256 >/dev/null

TOKEN=$(curl -s -d grant_type=password -d client_id=caesar-cli -d username="$USERNAME" \
  --data-urlencode password="$PASSWORD" $ISSUER/protocol/openid-connect/token \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
AUTH="Authorization: Bearer $TOKEN"
FILE=$(curl -s -H "$AUTH" -F file=@sky.fits $A/upload | python3 -c 'import json,sys; print(json.load(sys.stdin)["uuid"])')
JOB=$(curl -s -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"app":"sfinder","data_inputs":{"data":"'$FILE'"},"job_options":{"nthreads":1}}' $A/job \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["job_id"])')
for i in $(seq 1 240); do
  STATE=$(curl -s -H "$AUTH" $A/job/$JOB/status | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
  case "$STATE" in SUCCESS|FAILURE|CANCELED|TIMED-OUT|ABORTED) break ;; esac
  sleep 0.5
done
curl -s -H "$AUTH" --fail $A/job/$JOB/sources >/dev/null
curl -s -H "$AUTH" -o out.tar.gz --fail $A/job/$JOB/output && tar tzf out.tar.gz >/dev/null
NOAUTH=$(curl -s -o /dev/null -w '%{http_code}' $A/fileids)
echo "FILE=$FILE"
echo "JOB=$JOB"
echo "STATE=$STATE"
echo "NOAUTH=$NOAUTH"
