"""Decompositions: parts of a whole checked, the balance and its gap, and a what-if.

The what-if is a plain GET form (no JavaScript): a reader sets a lever (a target
of the decomposition) to another value and sees the new balance and, for every
lever, the value it would need to close the gap (koers.assessment.balance)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _

from koers.assessment.balance import Balance, Move, Term, moves, what_if
from koers.assessment.decompositions import DecompositionView, Figure
from koers.assessment.service import decomposition_view
from koers.charts import format_number
from koers.indicators.models import Decomposition
from koers.readmodel.service import unit_label
from koers.web.pages.common import Crumb, Page, language, source_text
from koers.web.tables import Cell, Column, Link, Table


class LeverForm(forms.Form):
    """One number field per lever, named lever-0, lever-1, ... in the balance's order."""

    def __init__(self, levers: tuple[Term, ...], labels: Mapping[str, str], data: object) -> None:
        super().__init__(data or None)  # type: ignore[arg-type]
        for index, term in enumerate(levers):
            self.fields[f"lever-{index}"] = forms.FloatField(
                label=labels[term.key],
                min_value=0,
                required=False,
                initial=_plain(term.value),
                widget=forms.NumberInput(attrs={"class": "utrecht-textbox", "step": "any"}),
            )

    def changes(self, levers: tuple[Term, ...]) -> dict[str, float]:
        """The levers the reader changed; none when a value cannot be used."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            for name in self.errors:
                # The message is read out with the field it belongs to.
                self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}_error"
            return {}
        found = {
            term.key: self.cleaned_data[f"lever-{i}"]
            for i, term in enumerate(levers)
            if self.cleaned_data.get(f"lever-{i}") is not None
        }
        return {k: float(v) for k, v in found.items()}


@dataclass
class BalancePage(Page):
    decomposition: Decomposition | None = None
    name: str = ""
    description: str = ""
    source: str = ""
    sums_ok: bool = True
    gap_text: str = ""
    form: LeverForm | None = None
    changed: bool = False
    what_if_text: str = ""
    check_tables: list[Table] = field(default_factory=list)
    balance_table: Table | None = None
    what_if_table: Table | None = None
    moves_table: Table | None = None


@dataclass
class BalanceListPage(Page):
    links: list[tuple[Link, str]] = field(default_factory=list)


def balance_list() -> BalanceListPage:
    found = Decomposition.objects.select_related("geography").order_by("code")
    return BalanceListPage(
        title=_("Parts of a whole"),
        crumbs=(Crumb(_("Home"), reverse("web:home")),),
        slug="balances",
        links=[(Link(d.name, balance_url(d)), d.description) for d in found],
    )


def balance_url(decomposition: Decomposition) -> str:
    return reverse("web:balance", args=[decomposition.code])


def balance_page(decomposition: Decomposition, query: Mapping[str, str]) -> BalancePage:
    """The checks, the balance and, with `query`, the balance after the reader's changes."""
    seen = decomposition_view(decomposition)
    labels = _labels(seen)
    unit = unit_label(decomposition.unit, language())
    checks = [_sums_table(seen, labels), _shares_table(seen, labels)]
    page = BalancePage(
        title=decomposition.name,
        crumbs=(
            Crumb(_("Home"), reverse("web:home")),
            Crumb(_("Parts of a whole"), reverse("web:balances")),
        ),
        slug=decomposition.code,
        decomposition=decomposition,
        name=decomposition.name,
        description=decomposition.description,
        source=source_text(decomposition.source, decomposition.source_section),
        sums_ok=all(c.adds_up is not False for c in seen.sums),
        check_tables=[t for t in checks if t.rows],
    )
    if seen.balance is not None:
        _add_balance(page, seen, seen.balance, labels, unit, query)
    page.tables = [
        t
        for t in (*page.check_tables, page.balance_table, page.what_if_table, page.moves_table)
        if t is not None
    ]
    return page


def _add_balance(
    page: BalancePage,
    seen: DecompositionView,
    balance: Balance,
    labels: Mapping[str, str],
    unit: str,
    query: Mapping[str, str],
) -> None:
    form = LeverForm(balance.levers, labels, query if _asks(query) else None)
    changes = form.changes(balance.levers)
    moved = what_if(balance, changes)
    page.form = form
    page.gap_text = _gap_text(balance, unit)
    page.balance_table = _balance_table("balance", _("The balance"), balance, seen, labels)
    page.changed = bool(changes) and moved != balance
    if page.changed:
        page.what_if_text = _gap_text(moved, unit)
        page.what_if_table = _balance_table(
            "what-if", _("The balance after your changes"), moved, seen, labels
        )
    page.moves_table = _moves_table(moves(moved), labels)


def _asks(query: Mapping[str, str]) -> bool:
    return any(key.startswith("lever-") for key in query)


def _labels(seen: DecompositionView) -> dict[str, str]:
    return {key: _figure_label(key, figure) for key, figure in seen.figures.items()}


def _figure_label(key: str, figure: Figure) -> str:
    name = figure.indicator.name if figure.indicator else key
    if "@" in key:
        return f"{name} ({figure.geography})"
    return name


def _gap_text(balance: Balance, unit: str) -> str:
    lang = language()
    facts = {
        "demand": format_number(balance.demand_total, lang),
        "supply": format_number(balance.supply_total, lang),
        "gap": format_number(abs(balance.gap), lang),
        "unit": unit,
    }
    if balance.gap > 0:
        return (
            _("Needed %(demand)s %(unit)s; covered %(supply)s: a gap of %(gap)s %(unit)s.") % facts
        )
    if balance.gap < 0:
        return (
            _("Needed %(demand)s %(unit)s; covered %(supply)s: %(gap)s %(unit)s to spare.") % facts
        )
    return _("Needed %(demand)s %(unit)s; covered %(supply)s: the balance closes.") % facts


def _kind(figure: Figure) -> str:
    return {
        "observation": _("figure"),
        "target": _("target (lever)"),
        "missing": _("no figure"),
    }[figure.source]


def _balance_table(
    name: str, caption: str, balance: Balance, seen: DecompositionView, labels: Mapping[str, str]
) -> Table:
    columns = [
        Column("side", _("Side")),
        Column("figure", _("Figure")),
        Column("kind", _("Kind")),
        Column("value", _("Value"), numeric=True),
    ]
    rows: list[list[Cell]] = []
    for side, terms in ((_("needed"), balance.demand), (_("covered"), balance.supply)):
        rows += [[side, labels[t.key], _kind(seen.figures[t.key]), t.value] for t in terms]
    rows.append([_("total needed"), "", "", balance.demand_total])
    rows.append([_("total covered"), "", "", balance.supply_total])
    rows.append([_("gap (needed minus covered)"), "", "", balance.gap])
    return Table(name, caption, columns, rows)


def _moves_table(found: list[Move], labels: Mapping[str, str]) -> Table:
    columns = [
        Column("target", _("Target")),
        Column("now", _("Set at"), numeric=True),
        Column("alone", _("Needed if it closes the gap alone"), numeric=True),
        Column("shared", _("Needed if all levers grow alike"), numeric=True),
    ]
    rows: list[list[Cell]] = [[labels[m.term.key], m.term.value, m.alone, m.shared] for m in found]
    return Table("moves", _("Targets that would have to move"), columns, rows)


def _sums_table(seen: DecompositionView, labels: Mapping[str, str]) -> Table:
    columns = [
        Column("whole", _("Whole")),
        Column("parts", _("Parts")),
        Column("whole_value", _("Whole"), numeric=True),
        Column("total", _("Parts added up"), numeric=True),
        Column("difference", _("Difference"), numeric=True),
        Column("verdict", _("Adds up?")),
    ]
    rows: list[list[Cell]] = [
        [
            labels[c.whole.key],
            " + ".join(labels[p.key] for p in c.parts),
            c.whole.value,
            c.total,
            c.difference,
            _verdict(c.adds_up),
        ]
        for c in seen.sums
    ]
    return Table("sums", _("Do the parts add up?"), columns, rows)


def _verdict(adds_up: bool | None) -> str:
    if adds_up is None:
        return _("cannot tell: a figure is missing")
    return _("yes") if adds_up else _("no")


def _shares_table(seen: DecompositionView, labels: Mapping[str, str]) -> Table:
    columns = [
        Column("share", _("Share")),
        Column("stated", _("Stated (%)"), numeric=True),
        Column("computed", _("Part / whole (%)"), numeric=True),
        Column("difference", _("Difference (points)"), numeric=True),
        Column("from", _("Computed from")),
    ]
    rows: list[list[Cell]] = [
        [
            labels[c.share.key],
            c.share.value,
            c.computed,
            c.difference,
            f"{labels[c.part.key]} / {labels[c.whole.key]}",
        ]
        for c in seen.shares
    ]
    return Table("shares", _("Do the shares match?"), columns, rows)


def _plain(value: float | None) -> float | int | None:
    # 12000.0 shows as 12000 in the form.
    return int(value) if value is not None and value.is_integer() else value
