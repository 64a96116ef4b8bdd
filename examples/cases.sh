#!/usr/bin/env bash
# A walk through the Cases API against a running Casework (`npm start`):
#   case template → queues → a case with fields, objects and a short SLA (created with an Idempotency-Key,
#   then replayed) → attach more objects → set its status until it resolves → its event timeline →
#   a second case left alone until its SLA breaches and it moves to the template's breach queue.
#
#   examples/cases.sh               # the whole walk, including a ~20 s wait for the SLA breach
#   examples/cases.sh --no-sla-wait # skip the second case and the wait
#
# Environment: CASEWORK_URL (default http://localhost:3000), CASEWORK_API_KEY (default: the key `npm start`
# wrote to .data/api-key, or to $CASEWORK_DATA_DIR/api-key), SLA_SECONDS (default 20).
# Needs curl and node only. Exits non-zero on any unexpected HTTP status.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base_url=${CASEWORK_URL:-http://localhost:3000}
base_url=${base_url%/}
sla_seconds=${SLA_SECONDS:-20}
wait_for_sla=true
case "${1:-}" in
  '') ;;
  --no-sla-wait) wait_for_sla=false ;;
  -h | --help)
    sed -n '2,12s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
  *)
    echo "unknown argument: $1 (try --help)" >&2
    exit 2
    ;;
esac

# shellcheck source=lib/casework-api.sh
source "$repo_root/examples/lib/casework-api.sh"

# show_events: the events of the last response, one a line.
show_events() {
  json 'd.data.map(e => `    ${e.attributes["created-at"]}  ${e.attributes.name.padEnd(20)} ${JSON.stringify(e.attributes.payload).slice(0, 70)}`).join("\n")'
}

# The template key is unique and permanent: a fresh one per run (upper-case, ≤ 16 characters).
suffix=$(fresh_suffix)
template_key="KYC$suffix"

printf '%sCasework Cases API walkthrough%s against %s\n' "$bold" "$reset" "$base_url"

step '0. Is the stack ready?'
expect_ready

step "1. Create a case template ($template_key): its statuses and fields"
request 201 POST /api/v1/case-templates "$(
  cat << JSON
{"data":{"attributes":{"name":"KYC review ($template_key)","key":"$template_key",
  "statuses":[{"name":"open","type":"initial"},{"name":"in-review","type":"intermediate"},
    {"name":"approved","type":"end"},{"name":"declined","type":"end"}],
  "field-schemas":[{"key":"amount","type":"number","label":"Amount","required":true},
    {"key":"country","type":"choice","label":"Country","config":{"choices":["DE","FR","US"]}}]}}}
JSON
)"
template_id=$(json 'd.data.id')
show id 'd.data.id' key 'd.data.attributes.key' statuses 'd.data.attributes.statuses.map(s => `${s.name} (${s.type})`).join(", ")' \
  fields 'd.data.attributes["field-schemas"].map(f => `${f.key}: ${f.type}`).join(", ")'
note "RateLimit-Limit $(header ratelimit-limit), RateLimit-Remaining $(header ratelimit-remaining), RateLimit-Reset $(header ratelimit-reset) s; Request-Id $(header request-id)"

step '2. Create two case queues: where cases are worked, and where breached ones go'
request 201 POST /api/v1/case-queues '{"data":{"attributes":{"name":"KYC review","description":"New KYC cases"}}}'
review_queue_id=$(json 'd.data.id')
show id 'd.data.id' name 'd.data.attributes.name'
request 201 POST /api/v1/case-queues '{"data":{"attributes":{"name":"KYC SLA breaches"}}}'
breach_queue_id=$(json 'd.data.id')
show id 'd.data.id' name 'd.data.attributes.name'

step '3. Point the template at the breach queue'
request 200 PATCH "/api/v1/case-templates/$template_id" "{\"data\":{\"attributes\":{\"sla-breach-queue-id\":\"$breach_queue_id\"}}}"
show sla-breach-queue-id 'd.data.attributes["sla-breach-queue-id"]'

step "4. Create a case with fields, an inquiry and a ${sla_seconds} s SLA — with an Idempotency-Key"
idempotency_key="cases-sh-$template_key-1"
case_body=$(
  cat << JSON
{"data":{"attributes":{"case-template-id":"$template_id","case-queue-id":"$review_queue_id",
  "creator-email-address":"ops@example.com","fields":{"amount":120.5,"country":"DE"}}},
 "meta":{"object-ids":["inq_${suffix}001"],"sla-expires-in-seconds":$sla_seconds}}
JSON
)
request 201 POST /api/v1/cases "$case_body" "Idempotency-Key: $idempotency_key"
case_id=$(json 'd.data.id')
show id 'd.data.id' name 'd.data.attributes.name' status 'd.data.attributes.status' \
  sla-expires-at 'd.data.attributes["sla-expires-at"]' case-queue 'd.data.relationships["case-queue"].data.id' \
  fields 'Object.entries(d.data.attributes.fields).map(([k, f]) => `${k}=${JSON.stringify(f.value)} (${f.type})`).join(", ")' \
  inquiries 'd.data.relationships.inquiries.data.map(o => o.id).join(", ")'

step '5. Send the very same request again (a retry after a timeout, say): no second case'
request 201 POST /api/v1/cases "$case_body" "Idempotency-Key: $idempotency_key"
[[ "$(json 'd.data.id')" == "$case_id" ]] || die "the replay created another case: $(json 'd.data.id')"
show id 'd.data.id'
note "Idempotent-Replayed: $(header idempotent-replayed) — the first response, stored for 24 h per API key"

step '6. Attach a report and a verification'
request 200 POST "/api/v1/cases/$case_id/add-objects" "{\"meta\":{\"object-ids\":[\"rep_${suffix}001\",\"ver_${suffix}001\"]}}"
show inquiries 'd.data.relationships.inquiries.data.map(o => o.id).join(", ")' \
  reports 'd.data.relationships.reports.data.map(o => o.id).join(", ")' \
  verifications 'd.data.relationships.verifications.data.map(o => o.id).join(", ")'

step '7. Work the case: in-review, then approved (an end status resolves it and stops its SLA timer)'
request 200 POST "/api/v1/cases/$case_id/set-status" '{"meta":{"status":"in-review"}}'
show status 'd.data.attributes.status'
request 200 POST "/api/v1/cases/$case_id/set-status" '{"meta":{"status":"approved"}}'
show status 'd.data.attributes.status' resolved-at 'd.data.attributes["resolved-at"]' \
  resolver 'd.data.attributes["resolver-type"]'
note 'A status the template does not define answers 422:'
request 422 POST "/api/v1/cases/$case_id/set-status" '{"meta":{"status":"lost"}}'
show error 'd.errors[0].details'

step "8. The case's event timeline (newest first)"
request 200 GET "/api/v1/cases/$case_id/events?page[size]=50"
show_events

if [[ "$wait_for_sla" != true ]]; then
  printf '\n%sDone%s (without --no-sla-wait, a second case shows an SLA breach). API docs: %s/docs\n' "$bold" "$reset" "$base_url"
  exit 0
fi

step "9. A second case nobody works on: its ${sla_seconds} s SLA breaches"
request 201 POST /api/v1/cases "{\"data\":{\"attributes\":{\"case-template-id\":\"$template_id\",\"case-queue-id\":\"$review_queue_id\",\"fields\":{\"amount\":9000}}},\"meta\":{\"sla-expires-in-seconds\":$sla_seconds}}"
late_case_id=$(json 'd.data.id')
show id 'd.data.id' name 'd.data.attributes.name' sla-expires-at 'd.data.attributes["sla-expires-at"]' \
  case-queue 'd.data.relationships["case-queue"].data.id'
note "waiting for the durable timer (a Temporal workflow, case-sla:$late_case_id) to fire…"
deadline=$((SECONDS + sla_seconds + 60))
while :; do
  QUIET=1 request 200 GET "/api/v1/cases/$late_case_id"
  [[ "$(json 'd.data.attributes["sla-expired-at"]')" != null ]] && break
  ((SECONDS < deadline)) || die "the SLA of $late_case_id did not expire within $((sla_seconds + 60)) s"
  sleep 2
done
request 200 GET "/api/v1/cases/$late_case_id?include=case-queue"
show sla-expired-at 'd.data.attributes["sla-expired-at"]' case-queue 'd.data.relationships["case-queue"].data.id' \
  queue-name 'd.included.find(r => r.type === "case-queue").attributes.name'
[[ "$(json 'd.data.relationships["case-queue"].data.id')" == "$breach_queue_id" ]] ||
  die "$late_case_id did not move to the breach queue $breach_queue_id"

step '10. Find breached cases, and read what happened to this one'
request 200 GET "/api/v1/cases?filter[sla-expired]=true&filter[case-template-id]=$template_id"
show breached 'd.data.map(c => `${c.attributes.name} (${c.id})`).join(", ")'
request 200 GET "/api/v1/events?filter[case-id]=$late_case_id"
show_events

printf '\n%sDone.%s Try the same calls in the API docs: %s/docs\n' "$bold" "$reset" "$base_url"
