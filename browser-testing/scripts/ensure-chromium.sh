#!/usr/bin/env bash
# Makes sure the browser tests have what they drive: Debian's headless Chromium and its chromedriver.
# Maven runs it (the root POM's `ensure-chromium` execution of exec-maven-plugin, at process-test-classes)
# in every module with browser tests, before those tests, so `mvn -B verify` passes on a fresh machine.
# Installs nothing when both are present; never downloads a browser build of its own (only Debian's
# packages, through apt-get). `-DskipTests` skips it.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "ensure-chromium: $CHROMIUM or $CHROMEDRIVER is missing and this user cannot install packages;" >&2
  echo "ensure-chromium: as root, run: apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation" >&2
  exit 1
fi

echo "ensure-chromium: installing Debian's chromium, chromium-driver and fonts-liberation for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run to finish rather than failing on its lock.
apt_options=(-q -o DPkg::Lock::Timeout=300)
"${as_root[@]}" apt-get "${apt_options[@]}" update >&2
"${as_root[@]}" apt-get "${apt_options[@]}" install -y --no-install-recommends chromium chromium-driver fonts-liberation >&2

for tool in "$CHROMIUM" "$CHROMEDRIVER"; do
  if [[ ! -x "$tool" ]]; then
    echo "ensure-chromium: $tool is still missing after the install" >&2
    exit 1
  fi
done
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium), $("$CHROMEDRIVER" --version 2>/dev/null | cut -d' ' -f1-2)" >&2
