#!/bin/sh
# A persistent coprocess: started once per worker slot, it reads one JSON request per line on
# stdin and answers one JSON line on stdout: {"output": …} or {"error": "…", "fatal": false}.
# Load the model once, above the loop; here the "model" only measures the prompt.
while read -r request; do
  case "$request" in
    '') echo '{"error": "empty request", "fatal": true}' ;;
    *) printf '{"output": {"tokens": %s, "pid": %s}}\n' "$(printf %s "$request" | wc -c)" "$$" ;;
  esac
done
