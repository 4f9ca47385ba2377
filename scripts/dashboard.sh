#!/usr/bin/env bash
# Set everything up, then open the dashboard on the bundled sample corpus (or on PATH given as $1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source_arg=()
if [ $# -gt 0 ]; then source_arg=(-- --source "$1"); fi
exec .venv/bin/python -m streamlit run dashboard/app.py --browser.gatherUsageStats false "${source_arg[@]}"
