#!/usr/bin/env bash
# Regenerates assets/demo.json: the sample journey `breather demo` opens.
# Usage: scripts/make-demo.sh [path-to-breather]   (needs a built binary)
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-target/debug/breather}
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
b() { local when=$1; shift; TZ=UTC BREATHER_NOW=$when "$B" --data-dir "$D" "$@" >/dev/null; }

b 2027-01-04T07:40 reflect --motive revenge "I want them to feel what I felt. To scroll past my photos and regret it."
b 2027-01-05T08:05 reflect --motive revenge "Honestly? So they see I'm fine without them. Which I'm not, yet."
b 2027-01-06T13:20 reflect --motive unsure "Less angry today. Maybe I just want to matter to someone again."
b 2027-01-07T07:15 reflect --motive reconnect "I miss the small things: Sunday markets, the way we cooked together."
b 2027-01-08T08:30 reflect --motive friendship "Even if we never get back together, I'd like us to be able to talk."
b 2027-01-09T09:10 reflect --motive reconnect "I think I want to patch things up, but not by making them jealous."
b 2027-01-10T07:55 reflect --motive reconnect "Seven mornings in: it started as revenge. It isn't anymore."
b 2027-01-11T09:00 decide reconnect --last-contact 2027-01-10
b 2027-01-12T19:00 log "Pottery class at the community centre" --category class --rating 4 --share --note "Made a wobbly bowl. Loved it."
b 2027-01-14T21:00 log "Thai cooking night" --category food --rating 5 --they-would-like --note "Green curry from scratch."
b 2027-01-16T18:00 journal --mood 2 "Rough evening. Nearly texted them."
b 2027-01-17T23:10 slip --note "Replied to their story. Recorded, not hidden."
b 2027-01-18T08:00 journal --mood 3 "Starting again. The longest run is still mine."
b 2027-01-19T20:30 urge "I just wanted to say I'm sorry about everything."
b 2027-01-21T18:45 log "Joined the Thursday book club" --category club --rating 4 --share
b 2027-01-22T12:00 exception --note "Lease handover: keys and the deposit, nothing else."
b 2027-01-24T16:00 log "Hike up the ridge with Sam" --category adventure --rating 5 --share
b 2027-01-24T21:00 journal --mood 4 "Good day. Didn't check their profile once."
b 2027-01-27T20:00 log "Life drawing, first session" --category creative --rating 3
b 2027-01-29T22:00 journal --mood 4 "Met new people at book club. Easy conversations."
b 2027-01-31T11:00 log "Weekend in Lisbon" --category trip --rating 5 --share --they-would-like --note "The tile museum. They'd have loved it."
b 2027-02-02T19:30 log "Climbing gym with new friends" --category social --rating 4
b 2027-02-03T21:15 journal --mood 3 "Quiet week. That's OK."
b 2027-02-04T22:00 journal --mood 4 "Being single is OK. Some evenings it's even good."
cp "$D/breather.json" assets/demo.json
echo "wrote assets/demo.json"
