#!/usr/bin/env bash
# Persona's canonical review pattern as a Casework workflow, against a running Casework (`npm start`):
#   case template + queue → the workflow from workflow.json (ids filled in) → publish it → see what publishing
#   refuses (a broken copy answers 422 with the compiler's issues) → trigger a run with an Idempotency-Key and a
#   high-value payload → the run waits on `wait-resolved` while its case sits in the queue → a reviewer approves
#   the case → the run records the decision and completes.
#
#   examples/review-workflow/run.sh              # the whole walk, 5 to 20 seconds
#   examples/review-workflow/run.sh --no-resolve # leave the run waiting; prints the case's URL in the console
#
# Environment: CASEWORK_URL (default http://localhost:3000), CASEWORK_API_KEY (default: the key `npm start`
# wrote to .data/api-key, or to $CASEWORK_DATA_DIR/api-key), AMOUNT (default 25000; below 10000 the run ends
# at once without a case).
# Needs curl and node only. Exits non-zero on any unexpected HTTP status or a run that goes astray.
set -euo pipefail

example_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$example_dir/../.." && pwd)
base_url=${CASEWORK_URL:-http://localhost:3000}
base_url=${base_url%/}
amount=${AMOUNT:-25000}
resolve=true
case "${1:-}" in
  '') ;;
  --no-resolve) resolve=false ;;
  -h | --help)
    sed -n '2,14s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
  *)
    echo "unknown argument: $1 (try --help)" >&2
    exit 2
    ;;
esac

# shellcheck source=../lib/casework-api.sh
source "$repo_root/examples/lib/casework-api.sh"
[[ "$amount" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "AMOUNT must be a number, not '$amount'"

# show_steps: the steps of the workflow run in the last response, one a line.
show_steps() {
  json 'd.data.attributes.steps.map(s => {
    const o = s.output ?? {};
    const output = o.route !== undefined ? `route ${o.route}`
      : o.case ? `case ${o.case.name} (${o.case.status})${o.event ? ` after ${o.event.name}` : ""}` : "";
    return `    ${s["node-id"].padEnd(16)} ${s.status.padEnd(10)} ${String(s.attempts).padStart(2)} attempt(s)  ${output}${s.error ? `  error: ${s.error}` : ""}`;
  }).join("\n")'
}

# wait_for_run RUN_ID STATUS [NODE_ID NODE_STATUS]: polls the run until it has STATUS (and the node its status).
wait_for_run() {
  local run_id=$1 want=$2 node=${3:-} node_status=${4:-} started=${EPOCHREALTIME/[.,]/} deadline=$((SECONDS + 60)) seen=''
  while :; do
    QUIET=1 request 200 GET "/api/v1/workflow-runs/$run_id"
    local now
    now=$(json "d.data.attributes.status + ' ' + (d.data.attributes.steps.find(s => s['node-id'] === '$node')?.status ?? '')")
    [[ "$now" != "$seen" ]] && note "run ${now%% *}${node:+, $node ${now#* }} (after $(((${EPOCHREALTIME/[.,]/} - started) / 1000)) ms)"
    seen=$now
    [[ "$now" == "$want $node_status" ]] && return 0
    case "${now%% *}" in
      errored | canceled | completed)
        [[ "${now%% *}" == "$want" ]] || { show_steps >&2; die "the run ended ${now%% *}: $(json 'd.data.attributes.error')"; }
        ;;
    esac
    ((SECONDS < deadline)) || die "run $run_id did not reach '$want${node:+ ($node $node_status)}' within 60 s — is the worker running?"
    sleep 0.5
  done
}

# The template key is unique and permanent: a fresh one per run (upper-case, ≤ 16 characters).
suffix=$(fresh_suffix)
template_key="KYC$suffix"

printf '%sCasework review workflow%s against %s\n' "$bold" "$reset" "$base_url"

step '0. Is the stack ready?'
expect_ready

step "1. Create the case template ($template_key) from case-template.json"
create_template "$example_dir/case-template.json" "$template_key"
template_id=$(json 'd.data.id')
show id 'd.data.id' statuses 'd.data.attributes.statuses.map(s => `${s.name} (${s.type})`).join(", ")' \
  fields 'd.data.attributes["field-schemas"].map(f => `${f.key}: ${f.type}`).join(", ")'

step '2. Create the queue the cases go to'
request 201 POST /api/v1/case-queues "{\"data\":{\"attributes\":{\"name\":\"KYC review ($template_key)\"}}}"
queue_id=$(json 'd.data.id')
show id 'd.data.id' name 'd.data.attributes.name'

step '3. Create the workflow from workflow.json, with the template and queue ids filled in'
# broken=1 also writes the same graph with a dangling edge and an expression that does not parse.
write_workflow() {
  node -e '
    const [file, templateId, queueId, suffix, broken] = process.argv.slice(1);
    const text = require("node:fs").readFileSync(file, "utf8");
    const workflow = JSON.parse(text.replaceAll("$TEMPLATE_ID", templateId).replaceAll("$QUEUE_ID", queueId));
    workflow.name += broken === "1" ? ` (${suffix}, broken copy)` : ` (${suffix})`;
    if (broken === "1") {
      workflow.graph.edges.push({ id: "e-nowhere", source: "attach", target: "notify-team" });
      const check = workflow.graph.nodes.find((node) => node.id === "check-amount");
      check.params.routes[0].when = "{{ trigger.amount >= }}";
    }
    console.log(JSON.stringify({ data: { attributes: workflow } }));
  ' "$example_dir/workflow.json" "$template_id" "$queue_id" "$template_key" "${1:-0}"
}
write_workflow > "$tmp/workflow.json"
request 201 POST /api/v1/workflows "@$tmp/workflow.json"
workflow_id=$(json 'd.data.id')
show id 'd.data.id' name 'd.data.attributes.name' nodes 'd.data.attributes.graph.nodes.map(n => n.id).join(" · ")' \
  draft-issues 'd.data.attributes["draft-issues"].length'

step '4. Publish it: the compiler checks the drawing against the template and queue, then freezes a version'
request 201 POST "/api/v1/workflows/$workflow_id/publish" '{"meta":{"notes":"First version, from examples/review-workflow"}}'
show version-id 'd.data.id' number 'd.data.attributes.number' trigger-kind 'd.data.attributes["trigger-kind"]' \
  plan-steps 'Object.keys(d.data.attributes.plan.steps).length'

step '5. What publishing refuses: the same graph with a dangling edge and an expression that does not parse'
write_workflow 1 > "$tmp/broken.json"
request 201 POST /api/v1/workflows "@$tmp/broken.json"
broken_id=$(json 'd.data.id')
note "saved anyway (drafts may be invalid): $broken_id with $(json 'd.data.attributes["draft-issues"].length') draft issue(s)"
request 422 POST "/api/v1/workflows/$broken_id/publish"
json 'd.errors.map(e => `    ${e.title.padEnd(20)} ${e.source?.pointer ?? ""}\n      ${e.details}`).join("\n")'
note 'meta.issues, as the editor will show them on the drawing:'
json 'd.meta.issues.map(i => `    ${i.severity.padEnd(8)} ${i.code.padEnd(18)} ${i["node-id"] ? `node ${i["node-id"]} ${i.path ?? ""}` : i["edge-id"] ? `edge ${i["edge-id"]}` : "the graph"}`).join("\n")'
[[ "$(json 'd.meta.issues.some(i => i.code === "dangling-edge" && i["edge-id"] === "e-nowhere") && d.meta.issues.some(i => i["node-id"] === "check-amount")')" == true ]] ||
  die 'the 422 did not name both problems (the dangling edge e-nowhere and the expression of check-amount)'

step "6. Trigger a run with an Idempotency-Key: an inquiry of amount $amount"
trigger_body=$(
  cat << JSON
{"data":{"attributes":{"fields":{"inquiry-id":"inq_${suffix}0001","report-id":"rep_${suffix}0001",
  "amount":$amount,"country":"DE"}}}}
JSON
)
idempotency_key="review-workflow-sh-$template_key"
request 201 POST "/api/v1/workflows/$workflow_id/trigger" "$trigger_body" "Idempotency-Key: $idempotency_key"
run_id=$(json 'd.data.id')
show id 'd.data.id' status 'd.data.attributes.status' version 'd.data.attributes["workflow-version-number"]' \
  trigger 'd.data.attributes.trigger'
note 'The same request again (a client retrying after a timeout, say) answers the same run:'
request 201 POST "/api/v1/workflows/$workflow_id/trigger" "$trigger_body" "Idempotency-Key: $idempotency_key"
[[ "$(json 'd.data.id')" == "$run_id" ]] || die "the retry started another run: $(json 'd.data.id')"
show id 'd.data.id'
note "Idempotent-Replayed: $(header idempotent-replayed)"

if node -e 'process.exit(Number(process.argv[1]) >= 10000 ? 1 : 0)' "$amount"; then
  step "7. Below 10,000 the condition takes its else branch: no case, the run just ends"
  wait_for_run "$run_id" completed
  show_steps
  printf '\n%sDone.%s The run in Temporal UI: %s\n' "$bold" "$reset" "$(json 'd.data.attributes["temporal-ui-url"]')"
  exit 0
fi

step '7. The interpreter creates the case, attaches the report, updates the fields, and waits for a decision'
wait_for_run "$run_id" waiting wait-resolved waiting
show_steps
case_id=$(json 'd.data.attributes["case-ids"][0]')
temporal_url=$(json 'd.data.attributes["temporal-ui-url"]')
[[ -n "$case_id" && "$case_id" != undefined ]] || die "run $run_id is waiting but names no case"

step '8. The case, as a reviewer finds it in the queue'
request 200 GET "/api/v1/cases/$case_id?include=case-queue"
show id 'd.data.id' name 'd.data.attributes.name' status 'd.data.attributes.status' \
  queue 'd.included.find(r => r.type === "case-queue")?.attributes.name ?? null' \
  sla-expires-at 'd.data.attributes["sla-expires-at"]' creator 'd.data.attributes["creator-type"] + " " + d.data.attributes["creator-id"]'
json 'Object.entries(d.data.attributes.fields).map(([k, f]) => `    field ${k.padEnd(14)} ${JSON.stringify(f.value)}`).join("\n")'
json 'Object.entries(d.data.relationships).filter(([k, r]) => Array.isArray(r.data) && r.data.length).map(([k, r]) => `    ${k.padEnd(20)} ${r.data.map(o => o.id).join(", ")}`).join("\n")'

printf '\n  %sTemporal UI%s  %s\n' "$bold" "$reset" "$temporal_url"
note "the run's id is its Temporal workflow id; in Temporal UI's search, CaseworkCaseIds = '$case_id'"
note "or CaseworkWorkflowId = '$workflow_id' lists every run of this workflow"

if [[ "$resolve" != true ]]; then
  printf '\n%sLeft waiting.%s Resolve the case in the reviewer console (sign in as the admin `npm start` printed):\n' "$bold" "$reset"
  printf '  %s%s/#/cases/%s%s\n' "$bold" "$base_url" "$case_id" "$reset"
  printf '  (set its status to approved there, then "Show on the canvas" follows the run to its end)\n'
  printf 'or with curl (KEY being your API key):\n'
  printf '  curl -s -X POST %s/api/v1/cases/%s/set-status -H "Authorization: Bearer $KEY" \\\n' "$base_url" "$case_id"
  printf "    -H 'Content-Type: application/json' -d '{\"meta\":{\"status\":\"approved\"}}'\n"
  printf '  and follow the run: %s/api/v1/workflow-runs/%s\n' "$base_url" "$run_id"
  exit 0
fi

step '9. A reviewer approves the case: `case.resolved` wakes the run'
request 200 POST "/api/v1/cases/$case_id/set-status" '{"meta":{"status":"approved"}}'
show status 'd.data.attributes.status' resolved-at 'd.data.attributes["resolved-at"]'
wait_for_run "$run_id" completed

step "10. The run's steps, final"
show_steps
show completed-at 'd.data.attributes["completed-at"]'
[[ "$(json 'd.data.attributes.steps.find(s => s["node-id"] === "record-approval").status')" == completed ]] ||
  die 'the run did not take the approval branch'

step "11. The case's decision, recorded by the run"
request 200 GET "/api/v1/cases/$case_id"
show decision 'd.data.attributes.fields.decision.value' status 'd.data.attributes.status' \
  notes 'd.data.attributes.fields.notes.value'
[[ "$(json 'd.data.attributes.fields.decision.value')" == approved ]] || die 'the decision field is not "approved"'

printf '\n%sDone.%s The run in Temporal UI: %s\n' "$bold" "$reset" "$temporal_url"
