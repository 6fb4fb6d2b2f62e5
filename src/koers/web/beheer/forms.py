"""Forms of the editors' area: every field labelled, NL Design System classes, the
error of a field tied to it (aria-describedby) so a screen reader reads it."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.agendas.models import Geography, Item, Milestone, StatusUpdate
from koers.indicators.models import Indicator
from koers.indicators.periods import PeriodError, parse_period

# The NL Design System class of each kind of widget.
WIDGET_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.ClearableFileInput: "koers-file",
    forms.FileInput: "koers-file",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


def widget_class(widget: forms.Widget) -> str:
    return next(
        (css for kind, css in WIDGET_CLASSES.items() if type(widget) is kind),
        TEXTBOX,
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class EditorForm(forms.Form):
    """Adds the design system's classes to every widget."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = widget_class(field.widget)
            field.widget.attrs["class"] = f"{css} {field.widget.attrs.get('class', '')}".strip()


class EditorModelForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput):
                field.widget = DateInput()
            field.widget.attrs["class"] = widget_class(field.widget)


ONE_PER_LINE = _("One per line.")


class TaskForm(EditorForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("— choose —")), *StatusUpdate.Status.choices],
        required=False,
    )
    narrative_nl = forms.CharField(
        label=_("Update (Dutch)"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    narrative_en = forms.CharField(
        label=_("Update (English)"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    highlights_nl = forms.CharField(
        label=_("Highlights (Dutch)"),
        help_text=ONE_PER_LINE,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    highlights_en = forms.CharField(
        label=_("Highlights (English)"),
        help_text=ONE_PER_LINE,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    outlook_nl = forms.CharField(
        label=_("Next steps (Dutch)"),
        help_text=ONE_PER_LINE,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    outlook_en = forms.CharField(
        label=_("Next steps (English)"),
        help_text=ONE_PER_LINE,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class MilestoneDatesForm(EditorForm):
    """One milestone's proposed dates; the milestone's own rules check them."""

    milestone = forms.IntegerField(widget=forms.HiddenInput)
    planned = forms.DateField(label=_("Planned date"), widget=DateInput(), required=False)
    actual = forms.DateField(label=_("Actual date"), widget=DateInput(), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Milestone.Status.choices)

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.item = item
        found = item.milestones.filter(pk=int(self.initial.get("milestone") or 0)).first()
        self.title = found.title if found else ""
        statuses = dict(Milestone.Status.choices)
        self.status_label = statuses.get(self.initial.get("status", ""), "")

    def clean(self) -> dict[str, Any]:
        from koers.rounds.drafts import milestone_errors

        data = super().clean() or {}
        for name, message in milestone_errors(self.item, self.entry(data)).items():
            self.add_error(name if name in self.fields else None, message)
        return data

    @staticmethod
    def entry(data: dict[str, Any]) -> dict[str, Any]:
        def iso(day: dt.date | None) -> str | None:
            return day.isoformat() if day else None

        return {
            "milestone": data.get("milestone"),
            "planned": iso(data.get("planned")),
            "actual": iso(data.get("actual")),
            "status": data.get("status"),
        }


class FigureForm(EditorForm):
    """A new figure for one of the item's indicators; a blank row is ignored."""

    indicator = forms.ChoiceField(label=_("Indicator"))
    geography = forms.ChoiceField(label=_("Area"))
    period = forms.CharField(
        label=_("Period"),
        max_length=30,
        help_text=_("2020, 2020-Q3, 2020-06 or 2020-07-01/2021-06-30"),
    )
    value = forms.FloatField(label=_("Value"), localize=True)
    provisional = forms.BooleanField(label=_("Provisional"), required=False)

    def __init__(self, *args: Any, indicators: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "indicator", [(i.code, i.name) for i in indicators])
        _choices(self, "geography", [(g.code, str(g)) for g in Geography.objects.order_by("code")])

    def clean_period(self) -> str:
        text = str(self.cleaned_data["period"]).strip()
        try:
            parse_period(text)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from None
        return text

    def clean_value(self) -> float:
        value = float(self.cleaned_data["value"])
        if not math.isfinite(value):
            raise forms.ValidationError(_("Give a finite number."))
        return value


def _choices(
    form: forms.Form, name: str, choices: list[tuple[str, str]], blank: bool = True
) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = [("", _("— choose —")), *choices] if blank else choices


MilestoneDatesFormSet = forms.formset_factory(MilestoneDatesForm, extra=0)
FigureFormSet = forms.formset_factory(FigureForm, extra=2, can_delete=True)


class NoteForm(EditorForm):
    note = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ReopenForm(EditorForm):
    reason = forms.CharField(
        label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 3})
    )


class OpenRoundForm(EditorForm):
    agenda = forms.ChoiceField(label=_("Agenda"))
    period_start = forms.DateField(label=_("Period start"), widget=DateInput())
    period_end = forms.DateField(label=_("Period end"), widget=DateInput())
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput())

    def __init__(self, *args: Any, agendas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "agenda", agendas, blank=False)


class AuditFilterForm(EditorForm):
    since = forms.DateField(label=_("From (date)"), widget=DateInput(), required=False)
    actor = forms.EmailField(label=_("Person (e-mail)"), required=False)
