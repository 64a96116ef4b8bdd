#!/usr/bin/env bash
# A scheduled workflow against a running Casework (`npm start`): every morning at 8 (Berlin) it fetches the
# applicants to screen from an outside service (applicants-service.mjs, on 127.0.0.1:4010), opens a screening case
# per applicant in two parallel loops (risk < 70; risk ≥ 70, each escalated by the sub-workflow escalation.json),
# counts them in run variables and posts a report back, signed with the secret `screening-hook`.
# This script sets it all up, then presses "Run now" (no waiting for 8 o'clock) and shows what the run did.
#
#   examples/scheduled-screening/run.sh     # 10 to 30 seconds; leaves the applicants service running
#
# Environment: CASEWORK_URL (default http://localhost:3000), CASEWORK_API_KEY (default: the key `npm start`
# wrote to .data/api-key, or to $CASEWORK_DATA_DIR/api-key), APPLICANTS_PORT (default 4010: the port `npm start`
# lets http.request reach), SCREENING_SECRET (default whsec_screening_example: the service's and the secret's value).
# Needs curl and node only. Exits non-zero on any unexpected HTTP status or a run that goes astray.
set -euo pipefail

example_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$example_dir/../.." && pwd)
base_url=${CASEWORK_URL:-http://localhost:3000}
base_url=${base_url%/}
applicants_port=${APPLICANTS_PORT:-4010}
applicants_url="http://127.0.0.1:$applicants_port"
screening_secret=${SCREENING_SECRET:-whsec_screening_example}
case "${1:-}" in
  '') ;;
  -h | --help)
    sed -n '2,13s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
  *)
    echo "unknown argument: $1 (try --help)" >&2
    exit 2
    ;;
esac

# shellcheck source=../lib/casework-api.sh
source "$repo_root/examples/lib/casework-api.sh"

# show_steps: the steps of the workflow run in the last response, one a line (a loop with its items).
show_steps() {
  json 'd.data.attributes.steps.map(s => {
    const o = s.output ?? {};
    const loop = s.iterations ? `${s.iterations.done}/${s.iterations.total} items done${s.iterations.failed ? `, ${s.iterations.failed} failed` : ""}` : "";
    const output = loop || (o.status !== undefined && o["run-id"] ? `child run ${o["run-id"]} ${o.status}`
      : o.status !== undefined ? `HTTP ${o.status}` : o.variables ? `vars ${JSON.stringify(o.variables)}`
      : o.case ? `case ${o.case.name}` : "");
    return `    ${s["node-id"].padEnd(17)} ${s.status.padEnd(10)} ${output}${s.error ? `  error: ${s.error}` : ""}`;
  }).join("\n")'
}

# allowlist_hint: what to do when the worker refused to call the service.
allowlist_hint() {
  cat >&2 << HINT

  The worker refused to call $applicants_url: http.request does not reach loopback or private addresses
  unless CASEWORK_HTTP_ALLOW names them. \`npm start\` allows 127.0.0.1:4010 unless CASEWORK_HTTP_ALLOW is set;
  restart it with the service's address allowed, e.g.
    CASEWORK_HTTP_ALLOW=127.0.0.1:$applicants_port npm start
HINT
}

# wait_for_run RUN_ID: polls the run until it completes; dies (showing its steps) when it ends otherwise.
wait_for_run() {
  local run_id=$1 started=${EPOCHREALTIME/[.,]/} deadline=$((SECONDS + 120)) seen=''
  while :; do
    QUIET=1 request 200 GET "/api/v1/workflow-runs/$run_id"
    local now
    now=$(json 'd.data.attributes.status + " " + d.data.attributes["case-ids"].length')
    [[ "$now" != "$seen" ]] && note "run ${now% *}, ${now#* } case(s) (after $(((${EPOCHREALTIME/[.,]/} - started) / 1000)) ms)"
    seen=$now
    case "${now% *}" in
      completed) return 0 ;;
      errored | canceled)
        show_steps >&2
        if [[ "$(json 'JSON.stringify(d.data.attributes)')" == *CASEWORK_HTTP_ALLOW* ]]; then allowlist_hint; fi
        die "the run ended ${now% *}: $(json 'd.data.attributes.error')"
        ;;
    esac
    ((SECONDS < deadline)) || die "run $run_id did not complete within 120 s — is the worker running?"
    sleep 0.5
  done
}

# The template key is unique and permanent: a fresh one per run (upper-case, ≤ 16 characters).
suffix=$(fresh_suffix)
template_key="SCR$suffix"

printf '%sCasework scheduled screening%s against %s\n' "$bold" "$reset" "$base_url"

step '0. Is the stack ready?'
expect_ready

step "1. The applicants service on $applicants_url (applicants-service.mjs)"
if curl -sf -o /dev/null "$applicants_url/applicants"; then
  note "already running; its SCREENING_SECRET must be the one used here ($screening_secret)"
else
  service_log="${CASEWORK_DATA_DIR:-$repo_root/.data}/applicants-service.log"
  mkdir -p "$(dirname "$service_log")"
  APPLICANTS_PORT=$applicants_port SCREENING_SECRET=$screening_secret \
    nohup node "$example_dir/applicants-service.mjs" > "$service_log" 2>&1 &
  service_pid=$!
  for _ in $(seq 50); do
    curl -sf -o /dev/null "$applicants_url/applicants" && break
    kill -0 "$service_pid" 2> /dev/null || die "applicants-service.mjs stopped: $(cat "$service_log")"
    sleep 0.1
  done
  curl -sf -o /dev/null "$applicants_url/applicants" || die "applicants-service.mjs does not answer on $applicants_url"
  note "started (pid $service_pid, log $service_log); it keeps running for the 8 o'clock firings: kill $service_pid"
fi
curl -sS "$applicants_url/applicants" > "$body_file"
json 'd.applicants.map(a => `    ${a.id}  ${a.name.padEnd(18)} ${a.country}  risk ${String(a.risk).padStart(3)}${a.risk >= 70 ? "  (high)" : ""}`).join("\n")'

step '2. The secret the report is signed with: screening-hook (created, or its value replaced)'
QUIET=1 request 200 GET /api/v1/secrets
if [[ "$(json 'd.data.some(s => s.id === "screening-hook")')" == true ]]; then
  request 200 PATCH /api/v1/secrets/screening-hook "{\"data\":{\"attributes\":{\"value\":\"$screening_secret\"}}}"
else
  request 201 POST /api/v1/secrets "{\"data\":{\"attributes\":{\"name\":\"screening-hook\",\"value\":\"$screening_secret\"}}}"
fi
show name 'd.data.id' updated-at 'd.data.attributes["updated-at"]'

step "3. The case template ($template_key) from case-template.json, and a queue"
create_template "$example_dir/case-template.json" "$template_key"
template_id=$(json 'd.data.id')
show id 'd.data.id' statuses 'd.data.attributes.statuses.map(s => s.name).join(", ")'
request 201 POST /api/v1/case-queues "{\"data\":{\"attributes\":{\"name\":\"Screening ($template_key)\"}}}"
queue_id=$(json 'd.data.id')
show id 'd.data.id' name 'd.data.attributes.name'

# create_and_publish FILE: the workflow of FILE, placeholders filled in, created and published; prints its id.
create_and_publish() {
  node -e '
    const [file, suffix, ...pairs] = process.argv.slice(1);
    let text = require("node:fs").readFileSync(file, "utf8");
    for (let i = 0; i < pairs.length; i += 2) text = text.replaceAll(pairs[i], pairs[i + 1]);
    const workflow = JSON.parse(text);
    workflow.name += ` (${suffix})`;
    console.log(JSON.stringify({ data: { attributes: workflow } }));
  ' "$example_dir/$1" "$template_key" \$TEMPLATE_ID "$template_id" \$QUEUE_ID "$queue_id" \
    \$ESCALATION_WORKFLOW_ID "${escalation_id:-}" \$APPLICANTS_URL "$applicants_url" > "$tmp/workflow.json"
  request 201 POST /api/v1/workflows "@$tmp/workflow.json"
  workflow_id=$(json 'd.data.id')
  request 201 POST "/api/v1/workflows/$workflow_id/publish" '{"meta":{"notes":"From examples/scheduled-screening"}}'
  note "workflow $workflow_id"
  show version-id 'd.data.id' number 'd.data.attributes.number' trigger-kind 'd.data.attributes["trigger-kind"]'
}

step '4. The sub-workflow from escalation.json: tag high-risk, escalate, say why'
create_and_publish escalation.json
escalation_id=$workflow_id

step '5. The scheduled workflow from workflow.json (ids and the service URL filled in): publishing creates its schedule'
create_and_publish workflow.json
QUIET=1 request 200 GET "/api/v1/workflows/$workflow_id/schedule"
show schedule 'd.data.id' cron 'd.data.attributes.schedule.expression + " " + d.data.attributes.schedule["time-zone"]' \
  next-runs 'd.data.attributes["next-run-times"].slice(0, 2).join(", ")'
schedule_url=$(json 'd.data.attributes["temporal-ui-url"]')

step '6. Run now (POST /workflows/{id}/schedule/run) with an Idempotency-Key, and again: the same run'
idempotency_key="scheduled-screening-sh-$template_key"
request 201 POST "/api/v1/workflows/$workflow_id/schedule/run" '' "Idempotency-Key: $idempotency_key"
run_id=$(json 'd.data.id')
scheduled_at=$(json 'd.data.attributes.trigger.scheduledAt')
show id 'd.data.id' trigger-kind 'd.data.attributes["trigger-kind"]' trigger 'd.data.attributes.trigger'
request 201 POST "/api/v1/workflows/$workflow_id/schedule/run" '' "Idempotency-Key: $idempotency_key"
[[ "$(json 'd.data.id')" == "$run_id" ]] || die "the retry started another run: $(json 'd.data.id')"

step '7. The run: fetch, two loops in parallel (the high-risk one calling the sub-workflow per item), report'
wait_for_run "$run_id"
show_steps
temporal_url=$(json 'd.data.attributes["temporal-ui-url"]')
json 'd.data.attributes["case-ids"].join("\n")' > "$tmp/case-ids"

step '8. The cases it opened'
while read -r case_id; do
  QUIET=1 request 200 GET "/api/v1/cases/$case_id"
  json '`    ${d.data.attributes.name.padEnd(12)} ${d.data.attributes.fields["applicant-id"].value}  risk ${String(d.data.attributes.fields.risk.value).padStart(3)}  ${d.data.attributes.fields["risk-class"].value.padEnd(8)} ${d.data.attributes.status.padEnd(9)} ${d.data.attributes.tags.join(", ")}`'
done < "$tmp/case-ids"

step '9. The report the service received (it answers 401 to a request without a valid Casework-Signature)'
curl -sS "$applicants_url/screening-reports" > "$body_file"
report=$(json "d.reports.find(r => r.body.scheduledAt === '$scheduled_at') ?? null")
[[ "$report" != null ]] || die "the service received no report for this run (rejected: $(json 'd.rejected'))"
node -e '
  const { body } = JSON.parse(process.argv[1]);
  console.log(`    applicants ${body.applicants}, cases created ${body.created}, high risk ${body.highRisk}`);
  console.log(`    standard cases  ${body.standardCaseIds.join(", ")}`);
  console.log(`    high-risk cases ${body.highRiskCaseIds.join(", ")}`);
' "$report"

printf '\n%sDone.%s\n' "$bold" "$reset"
printf '  %sEditor%s       %s/#/workflows/%s/runs/%s\n' "$bold" "$reset" "$base_url" "$workflow_id" "$run_id"
printf '  %sTemporal UI%s  %s\n' "$bold" "$reset" "$temporal_url"
printf '  %sSchedule%s     %s\n' "$bold" "$reset" "$schedule_url"
note "the schedule fires at 8:00 Europe/Berlin every day; archive the workflow to delete it:"
note "curl -X POST $base_url/api/v1/workflows/$workflow_id/archive -H \"Authorization: Bearer \$KEY\""
