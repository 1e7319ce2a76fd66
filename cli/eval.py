"""``tipoff eval SET.json [SET.json ...]``: judge the brief ranking against a BM25 baseline.

One set: its figures with the shipped parameters. Several sets: each set
held out in turn (parameters fitted on the others), the mean and the worst;
``--feedback`` adds the simulated-feedback run (core/evaluation/sets.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from core.evaluation import GOAL_NDCG, GOAL_QUIET, GOAL_RATIO, Report
from core.evaluation.sets import MultiReport, evaluate_sets, usable_cpus
from core.ranking.scoring import Params


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


def _params(p: Params) -> str:
    return (
        f"meaning {p.meaning_weight}, evidence {p.min_evidence}, min score {p.min_score}, "
        f"named {p.named_weight}, headline {p.headline_weight}"
    )


def _multi_table(report: MultiReport, verbose: bool) -> str:
    head = f"{'set':<22} {'tips/mtgs':>9}  {'nDCG@3':>6}  {'BM25':>5}  {'ratio':>6}  {'quiet':>5}"
    lines = [
        "held-out figures: each set scored with parameters fitted on the other sets "
        f"({report.grid_size} grid points)",
        head,
    ]
    for item in report.sets:
        r = item.report
        lines.append(
            f"{r.dataset[:22]:<22} {f'{r.tips}/{r.meetings}':>9}  {r.ndcg:6.3f}  {r.bm25_ndcg:5.3f}"
            f"  {r.ratio:5.2f}x  {r.quiet_rate:5.2f}   [{_params(item.params)}]"
        )
    m, w = report.mean, report.worst
    lines.append(
        f"{'mean':<22} {'':>9}  {m['ndcg']:6.3f}  {m['bm25_ndcg']:5.3f}  {m['ratio']:5.2f}x"
        f"  {m['quiet_rate']:5.2f}"
    )
    lines.append(
        f"{'worst set':<22} {'':>9}  {w['ndcg']:6.3f}  {'':>5}  {w['ratio']:5.2f}x"
        f"  {w['quiet_rate']:5.2f}"
    )
    ok = w["ndcg"] >= GOAL_NDCG and w["ratio"] >= GOAL_RATIO and w["quiet_rate"] >= GOAL_QUIET
    lines.append(
        f"goals (worst set): nDCG@3 >= {GOAL_NDCG}, >= {GOAL_RATIO}x BM25, quiet >= {GOAL_QUIET}: "
        + ("yes" if ok else "NO")
    )
    lines.append(f"shipped parameters (fitted on all sets): [{_params(report.shipped)}]")
    if any(item.feedback for item in report.sets):
        lines += [
            "",
            "simulated feedback: earlier half marked from the judgments, later half scored",
        ]
        lines.append(
            f"{'set':<22} {'marks':>5}  {'before':>13}  {'after':>13}  {'gain':>6}"
            f"  {'reachable':>9}"
        )
        gains, ceilings = [], []
        for item in report.sets:
            f = item.feedback or {}
            b, a = f["before"], f["after"]
            gains.append(f["gain"])
            ceilings.append(f["reachable"])
            lines.append(
                f"{item.report.dataset[:22]:<22} {f['marks']:>5}"
                f"  {b['ndcg']:.3f} q {b['quiet_rate']:.2f}"
                f"  {a['ndcg']:.3f} q {a['quiet_rate']:.2f}  {f['gain']:+.3f}"
                f"  {f['reachable']:+9.3f}"
            )
        lines.append(
            f"{'mean gain':<22} {'':>5}  {'':>13}  {'':>13}  {sum(gains) / len(gains):+.3f}"
            f"  {sum(ceilings) / len(ceilings):+9.3f}"
        )
        lines.append(
            "reachable: the most perfect learning from these marks could add (a later "
            "meeting counts only if a tip misplaced in it was shown in the earlier half)"
        )
    lines.append(f"time    {report.seconds:.1f} s")
    if verbose:
        for item in report.sets:
            lines += ["", _table(item.report, True)]
    return "\n".join(lines)


def eval_command(
    datasets: Annotated[
        list[Path], typer.Argument(help="Judged sets: {user, tips, meetings}; several allowed.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show every meeting.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when a goal is missed.")] = False,
    feedback: Annotated[
        bool, typer.Option("--feedback", help="Also simulate feedback on each set's earlier half.")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Worker processes sharing the sets (default: the CPUs)."
        ),
    ] = None,
) -> None:
    """Load judged sets into throwaway databases; print nDCG@3, quiet rate and BM25 per set.

    With several sets, each is scored held out (parameters fitted on the others).
    """
    report = evaluate_sets(datasets, feedback=feedback, jobs=jobs or usable_cpus())
    if len(datasets) == 1 and not feedback:
        single = report.sets[0].report
        if as_json:
            typer.echo(json.dumps(single.as_dict(), indent=1, ensure_ascii=False))
        else:
            typer.echo(_table(single, verbose))
        if check and not single.goals_met:
            raise typer.Exit(1)
        return
    if as_json:
        data = {
            "sets": [
                {**item.report.as_dict(), "params": vars(item.params), "fitted_on": item.fitted_on,
                 "feedback": item.feedback}
                for item in report.sets
            ],
            "mean": report.mean,
            "worst": report.worst,
            "shipped": vars(report.shipped),
            "grid_size": report.grid_size,
        }  # fmt: skip
        typer.echo(json.dumps(data, indent=1, ensure_ascii=False))
    else:
        typer.echo(_multi_table(report, verbose))
    if check and not all(item.report.goals_met for item in report.sets):
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
