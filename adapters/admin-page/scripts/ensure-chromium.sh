#!/usr/bin/env bash
# The admin page's browser tests drive Debian's headless Chromium through its chromedriver. Maven runs
# this before the tests (exec-maven-plugin), so `mvn -B verify` passes on a fresh machine: it installs
# Debian's packages when /usr/bin/chromium or /usr/bin/chromedriver is missing, and nothing otherwise.
# It never downloads a browser build of its own.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]]; then
  echo "ensure-chromium: /usr/bin/chromium or /usr/bin/chromedriver is missing; as root run:" >&2
  echo "ensure-chromium:   apt-get update && apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium and chromium-driver for the admin page's browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get -q -o DPkg::Lock::Timeout=300 update >&2
apt-get -q -o DPkg::Lock::Timeout=300 install -y chromium chromium-driver >&2
/usr/bin/chromium --version >&2
