"""``tipoff eval DATASET.json``: judge the brief ranking against a BM25 baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from core.evaluation import GOAL_NDCG, GOAL_QUIET, GOAL_RATIO, Report, evaluate


def _table(report: Report, verbose: bool) -> str:
    lines = [
        f"dataset {report.dataset}: {report.tips} tips, {report.meetings} meetings "
        f"({report.judged} with relevant tips, {report.quiet_meetings} that should stay quiet)",
        f"tipoff  nDCG@3 {report.ndcg:.3f}   quiet rate {report.quiet_rate:.2f}",
        f"BM25    nDCG@3 {report.bm25_ndcg:.3f}   quiet rate {report.bm25_quiet_rate:.2f}",
        f"ratio   {report.ratio:.2f}x BM25",
        "goals   "
        + ", ".join(
            [
                f"nDCG@3 >= {GOAL_NDCG}: {'yes' if report.ndcg >= GOAL_NDCG else 'NO'}",
                f">= {GOAL_RATIO}x BM25: {'yes' if report.ratio >= GOAL_RATIO else 'NO'}",
                f"quiet >= {GOAL_QUIET}: {'yes' if report.quiet_rate >= GOAL_QUIET else 'NO'}",
            ]
        ),
        f"time    {report.seconds:.1f} s (load through production paths + briefs)",
    ]
    if verbose:
        lines.append("")
        for row in report.per_meeting:
            score = "quiet" if row.ndcg is None else f"{row.ndcg:.2f}"
            base = "-" if row.bm25_ndcg is None else f"{row.bm25_ndcg:.2f}"
            lines.append(f"{row.key} {score:>5} (bm25 {base:>4})  {row.title}")
            judged = " ".join(f"{k}:{v}" for k, v in sorted(row.relevant.items()))
            lines.append(f"      judged  {judged or '-'}")
            for key in row.tipoff:
                why = "; ".join(row.reasons.get(key, []))
                lines.append(f"      tipoff  {key} ({row.relevant.get(key, 0)})  {why}")
            lines.append(f"      bm25    {' '.join(row.bm25)}")
    return "\n".join(lines)


def eval_command(
    dataset: Annotated[Path, typer.Argument(help="Judged set: {user, tips, meetings}.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show every meeting.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when a goal is missed.")] = False,
) -> None:
    """Load a judged set into a throwaway database and print nDCG@3, quiet rate and BM25."""
    report = evaluate(dataset)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=1, ensure_ascii=False))
    else:
        typer.echo(_table(report, verbose))
    if check and not report.goals_met:
        raise typer.Exit(1)


ranking_app = typer.Typer(
    help="Maintain the ranking's view of the tip library.", no_args_is_help=True
)


@ranking_app.command("reindex")
def reindex_command() -> None:
    """Profile every tip that has no ranking profile yet (or one from an older lexicon/model)."""
    from cli.base import ready_engine
    from core.db import session_scope
    from core.ranking.index import reindex

    ready_engine()
    with session_scope() as session:
        done = reindex(session)
    typer.echo(f"profiled {done} tips")
