#!/bin/sh
# Install Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
# Idempotent: does nothing when /usr/bin/chromium exists. Needs root (CI runs as root).
set -eu
if [ -x /usr/bin/chromium ]; then
    echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
