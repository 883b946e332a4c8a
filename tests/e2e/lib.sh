# Shared by the e2e scripts (sourced, after `server_bin` and `hcctl_bin` are
# set): a work directory removed on exit with the server killed, `fail`
# showing the server's log, and `start_server`.

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill -9 "$server_pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; echo "--- server log ---" >&2; tail -n 30 "$work/server.log" >&2; exit 1; }

# The password every person in the tests sets.
test_password="a long test password"

# sign_in_first_lead STORE: sets the first programme lead's password
# (lead@example.org) with the link the server's first start wrote beside
# STORE, then signs in (login_first_lead).
sign_in_first_lead() {
  local link
  link=$(cat "$1.first-lead-link") || fail "no first-lead link beside $1"
  printf '%s\n' "$test_password" |
    "$hcctl_bin" set-password "$link" --email=lead@example.org > /dev/null ||
    fail "the first programme lead's password could not be set"
  login_first_lead
}

# open_questionnaire_now ENGAGEMENT: opens its questionnaire now, once its
# invitations are made (who is invited is fixed when it opens).
open_questionnaire_now() {
  hcctl questionnaires update "$1" --open=now > /dev/null || fail "could not open $1's questionnaire"
}

# login_first_lead: signs the first programme lead in with `hcctl login
# --session` (managing people takes a session) and keeps the session in
# $work/lead.token, which HC_TOKEN_FILE then names.
login_first_lead() {
  printf '%s\n' "$test_password" |
    "$hcctl_bin" login --email=lead@example.org --session --save="$work/lead.token" > /dev/null ||
    fail "the first programme lead could not sign in"
  export HC_TOKEN_FILE="$work/lead.token"
}

# person_token NAME ROLE [--peer=P | --partnership=P]: invites NAME in ROLE
# (as the programme lead), sets their password with their link, signs them
# in with `hcctl login` and prints their new token.
person_token() {
  local email link
  email="$(tr -cd 'a-z0-9' <<< "${1,,}").$BASHPID@example.org"
  link=$("$hcctl_bin" people invite --json --display-name="$1" --email="$email" --role="$2" \
    ${3:+"$3"} | field_of uri) || return 1
  printf '%s\n' "$test_password" | "$hcctl_bin" set-password "$link" > /dev/null || return 1
  printf '%s\n' "$test_password" |
    "$hcctl_bin" login --json --email="$email" --token-name="$1" | field_of secret
}

# start_server [FLAG...]: launch_server, then the first programme lead signs
# in (sign_in_first_lead), for hcctl's HC_TOKEN_FILE.
start_server() {
  launch_server "$@"
  sign_in_first_lead "$work/hc.db"
}

# launch_server [FLAG...]: starts hc_server on loopback ports with its store
# in $work, waits until both ports listen, and sets server_pid, port,
# http_port and, for hcctl, HC_SERVER.
launch_server() {
  "$server_bin" --listen=127.0.0.1:0 --http_listen=127.0.0.1:0 --store="$work/hc.db" "$@" \
    > "$work/server.log" 2>&1 &
  server_pid=$!
  port="" http_port=""
  for _ in $(seq 1 100); do
    port=$(sed -n 's/.*event=serving .*port=\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
    http_port=$(sed -n 's/.*event=serving_http .*port=\([0-9]*\).*/\1/p' "$work/server.log" |
      head -n 1)
    [[ -n "$port" && -n "$http_port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" && -n "$http_port" ]] || fail "server did not start"
  export HC_SERVER="127.0.0.1:$port"
}

# hcctl as the programme lead (HC_TOKEN_FILE), as the holder of a token, and
# fields of its --json output.
hcctl() { "$hcctl_bin" "$@"; }
as() { local token=$1; shift; HC_TOKEN_FILE="" HC_TOKEN="$token" "$hcctl_bin" "$@"; }
name_of() { grep -o '"name": "[^"]*"' | head -n 1 | sed 's/.*: "\(.*\)"/\1/'; }
field_of() { grep -o "\"$1\": \"[^\"]*\"" | head -n 1 | sed 's/.*: "\(.*\)"/\1/'; }
day() { date -u -d "$1 days" +%F; }  # day -3: three days ago

# new_peer NAME EMAIL ORGANISATION SECTOR: an accredited peer; prints its name.
new_peer() {
  hcctl peers create --json --display-name="$1" --email="$2" --organisation="$3" --sector="$4" \
    --accredited-date=2025-01-15 --expiry-date=2035-01-14 | name_of
}

# engagement_with_team PARTNERSHIP ISSUE LEAD_PEER PEER...: a developmental
# engagement of PARTNERSHIP with fieldwork over the last three days, its
# issue and questionnaire window set, LEAD_PEER as lead peer and each PEER
# as a peer; prints its name.
engagement_with_team() {
  local partnership=$1 issue=$2 lead=$3 e member
  shift 3
  e=$(hcctl engagements create --json --partnership="$partnership" --purpose=developmental \
    --fieldwork-day1="$(day -3)" --fieldwork-day2="$(day -2)" --fieldwork-day3="$(day -1)" |
    name_of)
  [[ "$e" == engagements/* ]] || fail "no engagement"
  hcctl engagements add-member "$e" --peer="$lead" --role=lead_peer > /dev/null
  for member in "$@"; do
    hcctl engagements add-member "$e" --peer="$member" --role=peer > /dev/null
  done
  hcctl engagements update "$e" --issue="$issue" \
    --questionnaire-open="$(day -30)" --questionnaire-close="$(day -10)" > /dev/null
  echo "$e"
}

# start_fieldwork ENGAGEMENT: desk research, the questionnaire stage and
# fieldwork (the engagement's questionnaire set up first).
start_fieldwork() {
  local transition
  for transition in begin-desk-research open-questionnaire start-fieldwork; do
    hcctl engagements "$transition" "$1" > /dev/null || fail "$transition refused"
  done
}

# engagement_at_report: an engagement of "Riverside CSP" run to REPORT, with
# fieldwork over the last three days, one note and one agreed finding. Sets
# partnership, engagement, lena (lead peer) and hari (peer) and their
# tokens lena_token and hari_token, and contact_token (the partnership's).
engagement_at_report() {
  partnership=$(hcctl partnerships create --json --display-name="Riverside CSP" --kind=csp \
    --member="Riverside Council:local_government" --member="Riverside Police:police" | name_of)
  lena=$(new_peer "Lena Lead" lena@northshire.gov.uk "Northshire Council" local_government)
  hari=$(new_peer "Hari Health" hari@southshire.nhs.uk "Southshire NHS Trust" health)
  engagement=$(engagement_with_team "$partnership" "Is the vision shared?" "$lena" "$hari")
  hcctl questionnaires create "$engagement" --framework=partnership-assessment-tool \
    --open=now+1h --close=now+14d > /dev/null
  start_fieldwork "$engagement"
  token_for() { person_token "$@"; }
  lena_token=$(token_for "Lena's laptop" peer --peer="$lena")
  hari_token=$(token_for "Hari's laptop" peer --peer="$hari")
  contact_token=$(token_for "Riverside's contact" partnership_contact --partnership="$partnership")
  [[ -n "$lena_token" && -n "$hari_token" && -n "$contact_token" ]] || fail "no tokens"

  local interview note finding
  interview=$(as "$hari_token" activities plan "$engagement" --json --kind=interview \
    --title="Chair of the board" --day=1 --start=09:00 --end=10:00 --peer="$lena" | name_of)
  note=$(echo "The board shares a clear vision" | as "$hari_token" notes add "$engagement" \
    --json --activity="$interview" --polarity=positive --tag=1 | name_of)
  finding=$(as "$hari_token" findings add "$engagement" --json --kind=strength \
    --title="A shared vision" --principle=1 --note="$note" \
    --narrative="Every partner told us the same story." | name_of)
  as "$lena_token" findings agree "$finding" > /dev/null || fail "could not agree the finding"
  as "$lena_token" engagements give-initial-feedback "$engagement" > /dev/null
  as "$lena_token" engagements begin-report "$engagement" > /dev/null
}

# respond LINK PICK [COMMENT]: a respondent answers every page of the form at
# LINK with the scale point at index PICK (0 = the first offered) on pages 1
# and 2, one further down on pages 3-5 and two on the rest, and COMMENT (if
# given; words and spaces only) where the form asks for one, then submits.
respond() {
  local link=$1 pick=$2 comment=${3:-} base token p=1 page data location value
  base=${link%%/q/*}
  token=${link##*/q/}
  token=${token%%/*}
  while :; do
    page=$(curl -sf "$base/q/$token/p/$p") || fail "respondent could not open page $p"
    data="go=next"
    for field in $(grep -o 'name="[as]\.[^"]*"' <<< "$page" | sort -u | sed 's/name="\(.*\)"/\1/'); do
      value=$(grep -o "name=\"$field\" value=\"[0-9]*\"" <<< "$page" |
        sed -n "$(((pick + p / 3) % 4 + 1))p" |
        sed 's/.*value="\([0-9]*\)"/\1/')
      data+="&$field=$value"
    done
    if [[ -n "$comment" && "$page" == *'name="comment"'* ]]; then
      data+="&comment=${comment// /+}"
    fi
    location=$(curl -s -o /dev/null -w '%{redirect_url}' --data "$data" "$base/q/$token/p/$p")
    [[ -n "$location" ]] || fail "page $p of the form was refused"
    [[ "$location" == */review ]] && break
    p=$((p + 1))
  done
  location=$(curl -s -o /dev/null -w '%{redirect_url}' --data "" "$base/q/$token/submit")
  [[ "$location" == */done ]] || fail "submit was refused"
}

# engagement_in_fieldwork: after engagement_at_report, an engagement of
# "Eastfield CSP" with the same team (Lena lead peer, Hari peer), fieldwork
# over the last three days and still in FIELDWORK, its questionnaire open
# with six answers (one with a comment), three of Hari's notes from a
# document (tagged 1, 1 and 2) and nothing planned. Sets fieldwork_engagement.
engagement_in_fieldwork() {
  local eastfield note tag document
  eastfield=$(hcctl partnerships create --json --display-name="Eastfield CSP" --kind=csp \
    --member="Eastfield Council:local_government" \
    --member="Eastfield Fire and Rescue:fire_and_rescue" | name_of)
  fieldwork_engagement=$(engagement_with_team "$eastfield" "Do partners act on one plan?" \
    "$lena" "$hari")
  hcctl questionnaires create "$fieldwork_engagement" --framework=partnership-assessment-tool \
    --open=now+1h --close=now+14d --k=5 --comments > /dev/null
  printf '%s\n' organisation,level,count "Eastfield Council,board,2" \
    "Eastfield Fire and Rescue,management,2" "Eastfield Council,front_line,2" > "$work/eastfield.csv"
  hcctl questionnaires invite "$fieldwork_engagement" --csv="$work/eastfield.csv" --links-only \
    > "$work/eastfield-links.txt"
  open_questionnaire_now "$fieldwork_engagement"
  local i=0 link comment
  while read -r link; do
    comment=""
    ((i == 0)) && comment="Meetings start late and overrun"
    respond "$link" $((i % 2 + 1)) "$comment"
    i=$((i + 1))
  done < "$work/eastfield-links.txt"
  start_fieldwork "$fieldwork_engagement"
  document=$(as "$hari_token" documents add "$fieldwork_engagement" --json \
    --title="Community safety strategy 2026-29" | name_of)
  for note in "1|The partners describe one shared plan" "1|Board minutes show the plan reviewed" \
              "2|Front-line staff do not know who leads"; do
    tag=${note%%|*}
    echo "${note#*|}" | as "$hari_token" notes add "$fieldwork_engagement" \
      --document="$document" --polarity=positive --tag="$tag" > /dev/null || fail "note refused"
  done
}
