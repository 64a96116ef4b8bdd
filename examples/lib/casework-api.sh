# Shared by the example scripts (source it after setting repo_root and base_url): API key lookup, colours, and
# `request` / `json` / `show` helpers over curl and node. Needs curl and node only.

die() {
  echo "error: $*" >&2
  exit 1
}

for tool in curl node; do
  command -v "$tool" > /dev/null || die "$tool is required"
done

if [[ -z "${CASEWORK_API_KEY:-}" ]]; then
  key_file="${CASEWORK_DATA_DIR:-$repo_root/.data}/api-key"
  [[ -r "$key_file" ]] || die "no CASEWORK_API_KEY and no $key_file — run \`npm start\` first, or set CASEWORK_API_KEY"
  CASEWORK_API_KEY=$(< "$key_file")
fi

if [[ -t 1 ]]; then
  bold=$'\e[1m' dim=$'\e[2m' green=$'\e[32m' reset=$'\e[0m'
else
  bold='' dim='' green='' reset=''
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
body_file="$tmp/body"
headers_file="$tmp/headers"

step() { printf '\n%s%s%s\n' "$bold" "$*" "$reset"; }
note() { printf '  %s%s%s\n' "$dim" "$*" "$reset"; }

# request EXPECTED_STATUS METHOD PATH [JSON_BODY | @FILE] [HEADER…]
# Calls the API; the response lands in $body_file / $headers_file. QUIET=1 skips printing the request.
request() {
  local expected=$1 method=$2 path=$3 body=${4:-}
  shift $(($# < 4 ? $# : 4))
  local args=(-sS -g -o "$body_file" -D "$headers_file" -w '%{http_code}' -X "$method"
    -H "Authorization: Bearer $CASEWORK_API_KEY" -H 'Accept: application/json')
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  local header
  for header in "$@"; do args+=(-H "$header"); done

  if [[ "${QUIET:-0}" != 1 ]]; then
    local shown
    if [[ "$body" == @* ]]; then
      shown=$(tr '\n' ' ' < "${body#@}" | tr -s ' ')
    else
      shown=$(printf '%s' "$body" | tr '\n' ' ' | tr -s ' ')
    fi
    ((${#shown} > 150)) && shown="${shown:0:150}…"
    printf '  %s→ %s %s%s%s\n' "$green" "$method" "$path" "${1:+  ($*)}" "$reset"
    [[ -n "$shown" ]] && printf '    %s%s%s\n' "$dim" "$shown" "$reset"
  fi
  local status
  status=$(curl "${args[@]}" "$base_url$path") || die "cannot reach $base_url — is \`npm start\` running?"
  if [[ "$status" != "$expected" ]]; then
    echo "error: $method $path answered $status, expected $expected:" >&2
    cat "$body_file" >&2
    echo >&2
    exit 1
  fi
  [[ "${QUIET:-0}" == 1 ]] || printf '  ← %s\n' "$status"
}

# json EXPR: evaluates a JavaScript expression over the last response body `d`; strings print raw.
json() {
  node -e '
    const d = JSON.parse(require("node:fs").readFileSync(process.argv[2], "utf8"));
    const value = new Function("d", `return (${process.argv[1]});`)(d);
    console.log(typeof value === "string" ? value : JSON.stringify(value));
  ' "$1" "$body_file"
}

# header NAME: a header of the last response.
header() { awk -v name="${1,,}" -F': ' 'tolower($1) == name { v = $2 } END { sub(/\r$/, "", v); print v }' "$headers_file"; }

# show LABEL EXPR [LABEL EXPR…]: prints the interesting parts of the last response.
show() {
  while (($# >= 2)); do
    printf '    %-20s %s\n' "$1" "$(json "$2")"
    shift 2
  done
}

# fresh_suffix: five random characters for a unique, permanent key (template keys are upper-case, ≤ 16 characters).
fresh_suffix() {
  local alphabet=ABCDEFGHJKLMNPQRSTUVWXYZ23456789 suffix='' _
  for _ in 1 2 3 4 5; do suffix+=${alphabet:RANDOM % ${#alphabet}:1}; done
  printf '%s' "$suffix"
}

# expect_ready: dies with a hint unless the stack at $base_url answers /readyz with 200.
expect_ready() {
  local status
  status=$(curl -sS -o "$body_file" -w '%{http_code}' "$base_url/readyz") || die "cannot reach $base_url — is \`npm start\` running?"
  [[ "$status" == 200 ]] || die "$base_url/readyz answered $status: $(cat "$body_file")"
  show readyz 'd.status'
}

# create_template FILE KEY: POSTs the case template in FILE under the unique KEY (its name gets the key too); the
# created template is then the last response.
create_template() {
  node -e '
    const [file, key] = process.argv.slice(1);
    const template = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
    console.log(JSON.stringify({ data: { attributes: { ...template, key, name: `${template.name} (${key})` } } }));
  ' "$1" "$2" > "$tmp/template.json"
  request 201 POST /api/v1/case-templates "@$tmp/template.json"
}
