"""`koers check --plan [AGENDA]`: the plan-quality checks of one agenda or all, as text or
JSON, in Dutch or English. A report, not a gate: gaps do not make it fail."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from koers.agendas.models import Agenda
from koers.assessment.service import PLAN_QUALITY_CHECKS, PlanQuality, Tally, plan_quality
from koers.readmodel.service import item_label


def check_plan(code: str, fmt: str, lang: str) -> int:
    """Print the plan quality of agenda `code` ("" for every agenda); 2 for an unknown code."""
    agendas = list(Agenda.objects.order_by("start", "code"))
    if code:
        agendas = [a for a in agendas if a.code == code]
        if not agendas:
            known = ", ".join(Agenda.objects.order_by("code").values_list("code", flat=True))
            print(
                f"koers check: no agenda with code {code!r} (known: {known or 'none'})",
                file=sys.stderr,
            )
            return 2
    with translation.override(lang):
        plans = [plan_quality(agenda) for agenda in agendas]
        if fmt == "json":
            output = json.dumps(
                {"agendas": [_record(p) for p in plans]}, ensure_ascii=False, indent=1
            )
        else:
            output = "\n\n".join(_text(p) for p in plans) or _("No agendas.")
    sys.stdout.write(output + "\n")
    return 0


def _score(tally: Tally) -> str:
    score = tally.score
    shown = _("not applicable") if score is None else f"{score:.1f}%"
    if translation.get_language() == "nl":
        shown = shown.replace(".", ",")
    return _("%(score)s (%(passed)s of %(applicable)s checks passed)") % {
        "score": shown,
        "passed": tally.passed,
        "applicable": tally.applicable,
    }


def _text(plan: PlanQuality) -> str:
    lines = [
        _("Plan quality: %(agenda)s") % {"agenda": f"{plan.title} ({plan.code})"},
        "  " + _("Score: %(score)s") % {"score": _score(plan.tally)},
        "  " + _("Per pillar:"),
        *(f"    {item_label(p.code, p.title)}: {_score(p.tally)}" for p in plan.pillars),
        "  " + _("Gaps by item (%(count)s):") % {"count": len(plan.gaps)},
    ]
    for result, gap in plan.gaps:
        concerns = f" ({gap.finding.subject})" if gap.finding.subject else ""
        lines.append(
            f"    {item_label(result.item.code, result.item.title)}: {_(gap.check.name)}"
            f"{concerns}: {gap.finding.explained(gap.check, _)}"
        )
    return "\n".join(lines)


def _tally(tally: Tally) -> dict[str, Any]:
    score = None if tally.score is None else round(tally.score, 1)
    return {"passed": tally.passed, "applicable": tally.applicable, "score": score}


def _record(plan: PlanQuality) -> dict[str, Any]:
    return {
        "agenda": plan.code,
        "title": plan.title,
        **_tally(plan.tally),
        "checks": [
            {"check": c.code, "rule": _(c.rule), **_tally(plan.tally_of(c))}
            for c in PLAN_QUALITY_CHECKS
        ],
        "pillars": [{"pillar": p.code, "title": p.title, **_tally(p.tally)} for p in plan.pillars],
        "gaps": [
            {
                "item": result.item.code,
                "title": result.item.title,
                "pillar": result.pillar,
                "check": gap.check.code,
                "concerns": gap.finding.subject or None,
                "missing": gap.finding.explained(gap.check, _),
            }
            for result, gap in plan.gaps
        ],
    }
