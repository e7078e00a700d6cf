#!/usr/bin/env bash
# Drive the real `coach --offline` in a real terminal (tmux): a whole session, export, quit, reopen,
# resume. Prints what it checks; exits non-zero on the first screen that is not as expected.
set -euo pipefail
cd "$(dirname "$0")/.."
COACH=${COACH:-.venv/bin/coach}
[[ $COACH = /* ]] || COACH="$PWD/$COACH"
HOME_DIR=$(mktemp -d)
WORK_DIR=$(mktemp -d)
SOCKET="coach-test-$$"
T="tmux -L $SOCKET"
cleanup() { $T kill-server 2>/dev/null || true; rm -rf "$HOME_DIR" "$WORK_DIR"; }
trap cleanup EXIT

start() {
  $T new-session -d -s s -x 110 -y 34 -c "$WORK_DIR" \
    "COACH_HOME=$HOME_DIR TERM=xterm-256color $COACH --offline; sleep 60"
}
screen() { $T capture-pane -p -t s; }
# The screen as one line, line breaks folded into spaces: a phrase the app wrapped still matches.
flat() { screen | tr '\n' ' ' | tr -s ' '; }
expect() {  # wait up to 10 s for text on screen
  local text=$1
  for _ in $(seq 1 100); do
    if flat | grep -qF -- "$text"; then echo "ok: $text"; return 0; fi
    sleep 0.1
  done
  echo "FAILED: '$text' not on screen:" >&2
  screen >&2
  exit 1
}
typed() {  # wait (up to 10 s) until the app shows the text's last word and the screen is still
  local last=${1##* } before="" now
  for _ in $(seq 1 100); do
    now=$(screen)
    if [[ $now == "$before" ]] && grep -qF -- "$last" <<<"$now"; then return 0; fi
    before=$now
    sleep 0.1
  done
}
say() { $T send-keys -t s -l "$1"; typed "$1"; $T send-keys -t s C-s; sleep 0.6; }

start
expect "Mode: Guided, offline"
$T send-keys -t s n
expect "Choose the level to work on"
$T send-keys -t s Down Enter
expect "What would you like to get out of it today?"
say "I want to see how my work lands with users before my review."
expect "concrete moment"
say "Last week I shipped an export change without checking usage data; two customers' reports broke and support got tickets."
expect "Let me check I have it"
say "The two customers and the support team."
say "We traded speed for safety to hit a deadline."
say "Ask support before shipping."
expect "common struggles at"
say "2"
expect "Would it help to look at a few habits"
say "yes"
expect "answer in words"  # the chat keeps the focus: the choice is said in words
say "keep 1 3"
expect "In short: you"  # the choice summed up, then the focus question
say "Check usage data before I change what customers rely on."
expect "how sure are you"
say "7"
expect "What could get in the way"
say "The release crunch."
expect "Growth plan"
$T send-keys -t s s
SAVED="$HOME_DIR/data/saved"
PLAN_FILE="$SAVED/growth-plan-session-1-$(date +%Y-%m-%d).md"
for _ in $(seq 1 100); do  # under load the save can take longer than a fixed half second
  test -f "$PLAN_FILE" && break
  sleep 0.1
done
test -f "$PLAN_FILE" && echo "ok: plan saved in $SAVED"
grep -q "Check usage data before I change what customers rely on." "$SAVED"/growth-plan-*.md
test -z "$(ls -A "$WORK_DIR")" && echo "ok: nothing written to the current folder"
$T send-keys -t s C-q
sleep 0.8
$T kill-server 2>/dev/null || true
sleep 0.3

start
expect "plan ready"
$T send-keys -t s r
expect "Your plan is saved"
expect "Check usage data before I change"
$T send-keys -t s C-q
echo "tmux session: all checks passed"
