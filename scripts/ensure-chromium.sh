#!/usr/bin/env bash
# Browser tests drive Debian's chromium through Playwright. Install it when we can
# (root with apt-get); otherwise the browser tests skip themselves.
set -u
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null && exit 0
fi
exit 1
