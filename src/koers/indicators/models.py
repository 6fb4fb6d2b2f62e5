"""Indicators, their observations (append-only, revisions kept) and targets."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from koers.agendas.models import Geography, Item
from koers.agendas.models.common import CodeManager, Sourced, localized
from koers.indicators.periods import PeriodError, parse_period


class Indicator(models.Model):
    class Direction(models.TextChoices):
        INCREASE = "increase", _("higher is better")
        DECREASE = "decrease", _("lower is better")

    class Frequency(models.TextChoices):
        ANNUAL = "annual", _("annual")
        QUARTERLY = "quarterly", _("quarterly")
        MONTHLY = "monthly", _("monthly")
        IRREGULAR = "irregular", _("irregular")

    code = models.CharField(_("code"), max_length=100, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    unit = models.CharField(_("unit"), max_length=100)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    publisher = models.CharField(_("source of the statistic"), max_length=300, blank=True)
    # Options for the assessment, as Open SDG's progress_calculation_options.
    assessment_options = models.JSONField(_("assessment options"), default=dict, blank=True)
    # Counts and amounts add up over geographies: a region's value is the sum of its
    # members'. Ratios, shares and averages do not, and are never summed.
    additive = models.BooleanField(_("adds up over geographies"), default=False)
    # How the indicator is computed from others, e.g. a ratio of two indicators
    # ({"kind": "ratio", "numerator": ..., "denominator": ..., "factor": ...});
    # empty for an indicator that is measured. See koers.sources.derive.
    derivation = models.JSONField(_("derivation"), default=dict, blank=True)
    # Figures no statistics office publishes (a Brainport Monitor count): they come
    # from the owners in the reporting round, so "no data" means "not reported yet".
    reported = models.BooleanField(_("figures come from the reporting round"), default=False)
    items = models.ManyToManyField(Item, blank=True, related_name="indicators")

    # Imports may update a definition (--update-metadata); the earlier one stays readable.
    history = HistoricalRecords(excluded_fields=["assessment_options", "derivation"])
    objects = CodeManager["Indicator"]()

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def natural_key(self) -> str:
        return self.code


class ObservationQuerySet(models.QuerySet["Observation"]):
    def current(self) -> ObservationQuerySet:
        """Only the latest recorded value of each (indicator, geography, series, period)."""
        newer = Observation.objects.filter(
            indicator=models.OuterRef("indicator"),
            geography=models.OuterRef("geography"),
            series=models.OuterRef("series"),
            period=models.OuterRef("period"),
            recorded_at__gt=models.OuterRef("recorded_at"),
        )
        return self.exclude(models.Exists(newer))


class Derivation(models.TextChoices):
    """How Koers computed a value instead of reading it from a source."""

    MEASURED = "", _("measured")
    SUM = "sum", _("sum of the member geographies")
    RATIO = "ratio", _("ratio of two indicators")


class Observation(Sourced):
    """One value of an indicator. Never changed in place: a correction adds a newer row."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    geography = models.ForeignKey(Geography, on_delete=models.PROTECT, related_name="observations")
    # The disaggregation, e.g. "Sex=Female|Age=15-24"; empty for the headline series.
    series = models.CharField(_("series"), max_length=300, blank=True)
    # Every disaggregation column of the source, empty ones as null (Open SDG's rows).
    dimensions = models.JSONField(_("dimensions"), default=dict, blank=True)
    period = models.CharField(_("period"), max_length=30)
    period_start = models.DateField(_("period start"), editable=False)
    period_end = models.DateField(_("period end"), editable=False)
    value = models.FloatField(_("value"))
    # Open SDG's optional Progress column: the value the progress measure uses instead.
    progress = models.FloatField(_("value for the progress measure"), null=True, blank=True)
    provisional = models.BooleanField(_("provisional"), default=False)
    estimated = models.BooleanField(_("estimated"), default=False)
    revised = models.BooleanField(_("revised"), default=False)
    # The status the source gave this value, in its own words ("Voorlopig", "p e").
    source_status = models.CharField(
        _("status at the source"), max_length=100, blank=True, default=""
    )
    derivation = models.CharField(
        _("derivation"), max_length=10, choices=Derivation.choices, blank=True, default=""
    )
    note_nl = models.TextField(_("note (Dutch)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)
    retrieved = models.DateField(_("retrieved on"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    history = HistoricalRecords()
    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "geography", "series", "period_start", "recorded_at"]
        indexes = [models.Index(fields=["indicator", "geography", "series", "period_start"])]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.geography.code} {self.period}: {self.value}"

    @property
    def note(self) -> str:
        return localized(self, "note")

    def clean(self) -> None:
        try:
            period = parse_period(self.period)
        except PeriodError as exc:
            raise ValidationError({"period": str(exc)}) from None
        self.period_start, self.period_end = period.start, period.end
        for name in ("value", "progress"):
            number = getattr(self, name)
            if number is not None and not math.isfinite(number):
                # NaN and infinity are not measurements (and not valid JSON either).
                raise ValidationError({name: _("The value is not a finite number.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        period = parse_period(self.period)
        self.period_start, self.period_end = period.start, period.end
        super().save(*args, **kwargs)


class Target(Sourced):
    class Kind(models.TextChoices):
        LEVEL = "level", _("level by a year")
        CHANGE = "change", _("change from the baseline")
        SHARE = "share", _("share (percentage)")
        RANK = "rank", _("rank")
        CUMULATIVE = "cumulative", _("cumulative count")

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="targets")
    geography = models.ForeignKey(Geography, on_delete=models.PROTECT, related_name="targets")
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, null=True, blank=True, related_name="targets"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    baseline_period = models.CharField(_("baseline period"), max_length=30, blank=True)
    baseline_value = models.FloatField(_("baseline value"), null=True, blank=True)
    target_period = models.CharField(_("target period"), max_length=30)
    target_value = models.FloatField(_("target value"))
    note_nl = models.TextField(_("note (Dutch)"), blank=True)
    note_en = models.TextField(_("note (English)"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "geography", "target_period"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.geography.code}: {self.target_value} by {self.target_period}"

    @property
    def note(self) -> str:
        return localized(self, "note")

    @property
    def target_level(self) -> float:
        """The value the indicator itself must reach.

        A change target states a percentage change from its baseline ("+20 % on
        EUR 9.9 bn in 2019"); every other kind states the level itself.
        """
        if self.kind == Target.Kind.CHANGE and self.baseline_value is not None:
            return self.baseline_value * (1 + self.target_value / 100)
        return self.target_value

    def clean(self) -> None:
        errors = target_rule_errors(self)
        if errors:
            raise ValidationError(errors)


def target_rule_errors(target: Target) -> dict[str, str]:
    """The ways a target's kind and values disagree; empty when they agree."""
    errors: dict[str, str] = {}
    for name in ("baseline_period", "target_period"):
        label = getattr(target, name)
        if label:
            try:
                parse_period(label)
            except PeriodError as exc:
                errors[name] = str(exc)
    has_baseline = target.baseline_value is not None and bool(target.baseline_period)
    if (target.baseline_value is None) != (not target.baseline_period):
        errors["baseline_value"] = str(_("A baseline needs both a period and a value."))
    rule = _KIND_RULES.get(target.kind)
    if rule is None:
        errors["kind"] = str(_("Unknown target kind."))
    else:
        errors.update(rule(target, has_baseline))
    if not errors and has_baseline and _ends(target.target_period) <= _ends(target.baseline_period):
        errors["target_period"] = str(_("The target period must lie after the baseline."))
    return errors


def _ends(label: str) -> dt.date:
    return parse_period(label).end


def _needs_baseline(target: Target, has_baseline: bool) -> dict[str, str]:
    # A change or a running count is meaningless without its starting point.
    return (
        {} if has_baseline else {"baseline_value": str(_("This kind of target needs a baseline."))}
    )


def _share_rule(target: Target, has_baseline: bool) -> dict[str, str]:
    values = [target.target_value, target.baseline_value]
    if any(v is not None and not 0 <= v <= 100 for v in values):
        return {"target_value": str(_("A share lies between 0 and 100 percent."))}
    return {}


def _rank_rule(target: Target, has_baseline: bool) -> dict[str, str]:
    values = [target.target_value, target.baseline_value]
    if any(v is not None and (v < 1 or v != int(v)) for v in values):
        return {"target_value": str(_("A rank is a whole number of 1 or more."))}
    return {}


def _cumulative_rule(target: Target, has_baseline: bool) -> dict[str, str]:
    errors = _needs_baseline(target, has_baseline)
    if target.target_value < 0:
        errors["target_value"] = str(_("A count cannot be negative."))
    elif (
        has_baseline
        and target.baseline_value is not None
        and target.target_value <= target.baseline_value
    ):
        errors["target_value"] = str(_("A cumulative count must grow past its baseline."))
    return errors


def _level_rule(target: Target, has_baseline: bool) -> dict[str, str]:
    return {}


_KIND_RULES: dict[str, Callable[[Target, bool], dict[str, str]]] = {
    Target.Kind.LEVEL: _level_rule,
    Target.Kind.CHANGE: _needs_baseline,
    Target.Kind.SHARE: _share_rule,
    Target.Kind.RANK: _rank_rule,
    Target.Kind.CUMULATIVE: _cumulative_rule,
}


class Decomposition(Sourced):
    """Figures and targets that are parts of a whole, declared so Koers can check them.

    `spec` names indicators (optionally with their own geography) whose value in
    `period` for `geography` is an observation (a forecast, a measured value) or,
    without one, a target set for that period (a lever an agenda pulls):
    - `sums`: [{whole, parts: [...]}]: the parts must add up to the whole;
    - `shares`: [{share, part, whole}]: the share (%) must equal part / whole;
    - `demand` and `supply`: two lists whose totals make a balance and its gap.
    koers.assessment.balance does the arithmetic; the what-if page changes the levers.
    """

    code = models.SlugField(_("code"), max_length=100, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    geography = models.ForeignKey(
        Geography, on_delete=models.PROTECT, related_name="decompositions"
    )
    period = models.CharField(_("period"), max_length=30)
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, null=True, blank=True, related_name="decompositions"
    )
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    spec = models.JSONField(_("parts and wholes"), default=dict)

    objects = CodeManager["Decomposition"]()

    class Meta:
        ordering = ["code"]
        verbose_name = _("decomposition")
        verbose_name_plural = _("decompositions")

    def __str__(self) -> str:
        return self.code

    def natural_key(self) -> str:
        return self.code

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")
