#!/usr/bin/env bash
# Shared by the server scripts (sourced): stop_pidfile FILE stops the process whose PID FILE holds (SIGTERM, up to
# 10 s, then SIGKILL) and removes FILE; nothing happens when FILE is missing.
stop_pidfile() {
  local pidfile="$1"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
