#!/usr/bin/env bash
# Writes Uapi.java from tools/uapi-constants.txt (see the top-level tools/gen-uapi-constants.sh).
# Usage: tools/gen-uapi-constants.sh [OUT] (default: the committed Uapi.java).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "$here/../tools/gen-uapi-constants.sh" "$here/tools/uapi-constants.txt" "${1:-$here/src/main/java/wpa4j/linux/uapi/Uapi.java}" wpa4j.linux.uapi
