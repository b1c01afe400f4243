"""`python -m benchmarks run gvc|ecbplus|check|adversarial [CORPUS]`: the corpus benchmarks in one entry point."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from . import adversarial, check_mutations
from .corpora import OUT, ROOT, ecbplus, gvc, markdown


def main(argv: list[str] | None = None) -> int:
    """Run one corpus benchmark and write reports/benchmarks/<corpus>.{json,md}."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run a corpus benchmark")
    run.add_argument("corpus", choices=("gvc", "ecbplus", "check", "adversarial"))
    run.add_argument("path", nargs="?", help="incidents.jsonl (default ../shared/benchmarks/<corpus>/incidents.jsonl)")
    run.add_argument("--limit", type=int, help="only the first N incidents")
    run.add_argument("--baseline-articles", type=int, help="time the baselines on the first N articles only")
    run.add_argument("--out", type=Path, default=OUT, help="where the figures go (default reports/benchmarks)")
    run.add_argument("--story", action="append", help="check: only this development story (repeatable)")
    run.add_argument("--sample", type=int, default=1, help="check: every Nth draft only (a quick look)")
    run.add_argument("--no-gvc", action="store_true", help="check: the development stories only")
    run.add_argument("--words", action="store_true",
                     help="check: list the drafts' words too (to read locally: never commit them)")
    run.add_argument("--family", action="append", choices=sorted(adversarial.FAMILIES),
                     help="adversarial: only this family (repeatable)")
    run.add_argument("--sizes", type=int, nargs="+", help="adversarial: the sizes in characters (default "
                     + " ".join(str(s) for s in adversarial.SIZES) + ")")
    args = parser.parse_args(argv)
    if args.corpus == "check":
        return _check(args)
    if args.corpus == "adversarial":
        result = adversarial.run(args.family, tuple(args.sizes or adversarial.SIZES))
        adversarial.write(result, args.out)
        return 0
    path = Path(args.path) if args.path else ROOT.parent / "shared" / "benchmarks" / args.corpus / "incidents.jsonl"
    if not path.is_file():
        parser.error(f"corpus not found: {path}")
    result = gvc(path, args.limit, args.baseline_articles) if args.corpus == "gvc" else ecbplus(path, args.limit)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{args.corpus}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (args.out / f"{args.corpus}.md").write_text(markdown(result), encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "alarms"}, indent=2))
    return 0


def _check(args: argparse.Namespace) -> int:
    result = check_mutations.run(args.story, gvc=not args.no_gvc, limit=args.limit, sample=args.sample,
                                 words=args.words)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "check.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "check.md").write_text(check_mutations.markdown(result), encoding="utf-8")
    for corpus in ("dev", "gvc"):
        if corpus in result:
            print(corpus, json.dumps({k: result[corpus][k] for k in ("detection", "false_alarms",
                                                                     "detection_by_kind")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
