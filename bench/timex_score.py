"""Score the TIMEX3 resolver on TimeBank (TempEval-3 training data) with the shared scorer `score_timex.py`.

Usage: python bench/timex_score.py [TBAQ.jsonl]   (default ../shared/corpus/timebank/tbaq.jsonl)
Writes the predictions to a temporary file and prints the scorer's report for all types and for DATE only.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from events.timex_io import annotate_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main(argv: list[str]) -> int:
    """Annotate the gold file's texts, then run the scorer on them."""
    gold = Path(argv[0]) if argv else SHARED / "corpus" / "timebank" / "tbaq.jsonl"
    scorer = SHARED / "tools" / "score_timex.py"
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "timexes.jsonl"
        run = annotate_file(gold, pred)
        print(f"annotated {run.documents} documents, {run.timexes} expressions")
        for extra in ([], ["--type", "DATE"]):
            print(f"\n$ score_timex.py {gold.name} PRED {' '.join(extra)}".rstrip())
            done = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), *extra], check=False)
            if done.returncode:
                return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
