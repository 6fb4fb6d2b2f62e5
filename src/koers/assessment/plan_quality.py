"""The quality of a plan: what a good plan states, checked item by item.

A plan that can be monitored names who is responsible for each action, gives
every target a baseline (value, year, source) and an indicator with figures,
states the amount wherever money is promised, and dates its milestones. Each
check is a row of `CHECKS`; `assess_plan` reads the table. Input is plain facts
(`plan_facts.py` gathers them from the models); a check that does not apply to
an item is not counted. The score is passed / applicable as a percentage,
rolled up per pillar (top-level item) and per agenda.

The texts are English source strings marked for translation (`gettext_noop`, a
marker that needs no settings); the page and the command line translate them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_noop


@dataclass(frozen=True, slots=True)
class TargetFacts:
    """A target as the checks see it; `label` names it for the reader."""

    label: str
    baseline_value: float | None
    baseline_period: str
    sourced: bool
    observed: bool  # the indicator has figures for the target's geography


@dataclass(frozen=True, slots=True)
class MilestoneFacts:
    title: str
    planned: bool  # a planned date is stated
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """An agenda item with what the checks look at; `parent` is the parent's code."""

    code: str
    title: str
    parent: str | None = None
    owners: tuple[str, ...] = ()  # coordinators and leads
    financiers: tuple[str, ...] = ()
    amounts: tuple[Decimal, ...] = ()  # one per budget line
    targets: tuple[TargetFacts, ...] = ()
    milestones: tuple[MilestoneFacts, ...] = ()


@dataclass(frozen=True, slots=True)
class AgendaFacts:
    code: str
    title: str
    items: tuple[ItemFacts, ...]  # in tree order

    @property
    def flat(self) -> bool:
        """No item has a parent: every item is an action."""
        return all(item.parent is None for item in self.items)


@dataclass(frozen=True, slots=True)
class Finding:
    """One application of a check: passed, or the parts that are missing."""

    subject: str  # what it concerns: a target, a milestone; "" for the item itself
    missing: tuple[str, ...] = ()  # untranslated part names, empty when passed

    @property
    def passed(self) -> bool:
        return not self.missing

    def explained(self, check: Check, translate: Callable[[str], str]) -> str:
        """The check's missing text in the language of `translate`, naming the parts."""
        parts = ", ".join(translate(part) for part in self.missing)
        return translate(check.missing) % {"parts": parts}


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    name: str  # a short name (to translate)
    rule: str  # the rule as the page states it (to translate)
    missing: str  # what a gap lacks (to translate); may name the parts as %(parts)s
    findings: Callable[[ItemFacts, bool], tuple[Finding, ...]]  # (item, is an action)


# Parts a finding can lack, named once (translated at the faces).
OWNER = gettext_noop("a coordinator or lead")
BASELINE_VALUE = gettext_noop("the value")
BASELINE_YEAR = gettext_noop("the year")
SOURCE = gettext_noop("the source")
FIGURES = gettext_noop("figures for its geography")
AMOUNT = gettext_noop("the amount")
PLANNED_DATE = gettext_noop("a planned date")


def _owner(item: ItemFacts, action: bool) -> tuple[Finding, ...]:
    # Pillars frame the actions; an action nobody leads is reported by nobody.
    if not action:
        return ()
    return (Finding("", () if item.owners else (OWNER,)),)


def _baseline_gaps(target: TargetFacts) -> tuple[str, ...]:
    # Progress is measured from the baseline: without value, year or source it cannot be checked.
    wanted = (
        (BASELINE_VALUE, target.baseline_value is not None),
        (BASELINE_YEAR, _has_year(target.baseline_period)),
        (SOURCE, target.sourced),
    )
    return tuple(part for part, present in wanted if not present)


def _has_year(period: str) -> bool:
    return len(period) >= 4 and period[:4].isdigit()


def _baseline(item: ItemFacts, action: bool) -> tuple[Finding, ...]:
    return tuple(Finding(t.label, _baseline_gaps(t)) for t in item.targets)


def _figures(item: ItemFacts, action: bool) -> tuple[Finding, ...]:
    # A target whose indicator has no figures where the target is set can never be assessed.
    return tuple(Finding(t.label, () if t.observed else (FIGURES,)) for t in item.targets)


def _money(item: ItemFacts, action: bool) -> tuple[Finding, ...]:
    # A named financier or a budget line promises money; the promise counts once it has a sum.
    if not item.financiers and not item.amounts:
        return ()
    stated = any(amount > 0 for amount in item.amounts)
    return (Finding(", ".join(item.financiers), () if stated else (AMOUNT,)),)


def _milestones(item: ItemFacts, action: bool) -> tuple[Finding, ...]:
    # A milestone only dated when reached was never planned; a cancelled one needs no date.
    return tuple(
        Finding(m.title, () if m.planned else (PLANNED_DATE,))
        for m in item.milestones
        if not m.cancelled
    )


CHECKS: tuple[Check, ...] = (
    Check(
        "owner",
        gettext_noop("Owner"),
        gettext_noop("Every action has an owner: a coordinating or leading organisation."),
        gettext_noop("No coordinator or lead is named."),
        _owner,
    ),
    Check(
        "baseline",
        gettext_noop("Baseline"),
        gettext_noop("Every target has a baseline: a value, its year and a source."),
        gettext_noop("The target's baseline lacks: %(parts)s."),
        _baseline,
    ),
    Check(
        "figures",
        gettext_noop("Figures"),
        gettext_noop("Every target's indicator has figures for the target's geography."),
        gettext_noop("The indicator has no figures for the target's geography."),
        _figures,
    ),
    Check(
        "money",
        gettext_noop("Money"),
        gettext_noop("Where money is promised (a financier or a budget), the amount is stated."),
        gettext_noop("Money is promised but no amount is stated."),
        _money,
    ),
    Check(
        "milestones",
        gettext_noop("Milestones"),
        gettext_noop("Every milestone has a planned date."),
        gettext_noop("The milestone has no planned date."),
        _milestones,
    ),
)
CHECKS_BY_CODE = {check.code: check for check in CHECKS}


@dataclass(frozen=True, slots=True)
class Tally:
    passed: int = 0
    applicable: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.passed + other.passed, self.applicable + other.applicable)

    @property
    def score(self) -> float | None:
        """Passed as a percentage of applicable; None when nothing applies."""
        return 100 * self.passed / self.applicable if self.applicable else None


def tally(findings: Iterable[Finding]) -> Tally:
    found = list(findings)
    return Tally(sum(f.passed for f in found), len(found))


def total(tallies: Iterable[Tally]) -> Tally:
    return sum(tallies, Tally())


@dataclass(frozen=True, slots=True)
class Gap:
    check: Check
    finding: Finding


@dataclass(frozen=True, slots=True)
class ItemResult:
    item: ItemFacts
    pillar: str  # code of the item's top-level item
    findings: tuple[tuple[Check, Finding], ...]

    @property
    def tally(self) -> Tally:
        return tally(f for _, f in self.findings)

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return tuple(Gap(check, f) for check, f in self.findings if not f.passed)

    def tally_of(self, check: Check) -> Tally:
        return tally(f for c, f in self.findings if c is check)


@dataclass(frozen=True, slots=True)
class PillarResult:
    code: str
    title: str
    items: tuple[ItemResult, ...]

    @property
    def tally(self) -> Tally:
        return total(item.tally for item in self.items)


@dataclass(frozen=True, slots=True)
class PlanQuality:
    code: str
    title: str
    pillars: tuple[PillarResult, ...]
    items: tuple[ItemResult, ...] = field(repr=False)

    @property
    def tally(self) -> Tally:
        return total(pillar.tally for pillar in self.pillars)

    def tally_of(self, check: Check) -> Tally:
        return total(item.tally_of(check) for item in self.items)

    @property
    def gaps(self) -> tuple[tuple[ItemResult, Gap], ...]:
        return tuple((item, gap) for item in self.items for gap in item.gaps)


def assess_item(item: ItemFacts, pillar: str, action: bool) -> ItemResult:
    """Every check of `CHECKS` applied to one item."""
    findings = tuple((check, f) for check in CHECKS for f in check.findings(item, action))
    return ItemResult(item, pillar, findings)


def assess_plan(agenda: AgendaFacts) -> PlanQuality:
    """The agenda's items checked, rolled up per pillar (in the order pillars come)."""
    roots = _roots(agenda.items)
    flat = agenda.flat
    results = tuple(
        assess_item(item, roots[item.code], flat or item.parent is not None)
        for item in agenda.items
    )
    titles = {item.code: item.title for item in agenda.items}
    order = list(dict.fromkeys(result.pillar for result in results))
    pillars = tuple(
        PillarResult(code, titles.get(code, code), tuple(r for r in results if r.pillar == code))
        for code in order
    )
    return PlanQuality(agenda.code, agenda.title, pillars, results)


def _roots(items: Sequence[ItemFacts]) -> dict[str, str]:
    """Each item's top-level ancestor (itself at the top); a missing parent ends the walk."""
    parents = {item.code: item.parent for item in items}
    roots: dict[str, str] = {}
    for code in parents:
        node, seen = code, {code}
        while (up := parents.get(node)) is not None and up in parents and up not in seen:
            node = up
            seen.add(node)
        roots[code] = node
    return roots
