#!/usr/bin/env bash
# Set up and run the whole test suite, browser and server tests included.
# The browser tests need Debian's chromium: installed here with apt-get when
# missing (as root, as in CI); never a downloaded browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will be skipped" >&2
  else
    echo "warning: /usr/bin/chromium missing and not root; browser tests will be skipped" >&2
  fi
fi
exec .venv/bin/python -m pytest -q "$@"
