"""The edit forms of the agenda and its indicators: model forms whose rules are the models' own
(`clean`), so a form can accept nothing the dataset loader or the admin would refuse."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from koers.agendas.models import Agreement, BudgetLine, Item, Milestone, Role
from koers.indicators.models import Indicator, Observation, Target
from koers.web.beheer.forms import EditorModelForm

ITEM_TEXTS = ["title_nl", "title_en", "description_nl", "description_en"]


class ItemTextForm(EditorModelForm):
    """What an owner may change of an item: its words."""

    class Meta:
        model = Item
        fields = ITEM_TEXTS


class ItemForm(EditorModelForm):
    """What a coordinator may change: also the item's place in the tree and its validity."""

    class Meta:
        model = Item
        fields = ["code", "parent", "level", *ITEM_TEXTS, "valid_from", "valid_to", "order"]

    def __init__(self, *args: Any, agenda: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.agenda = agenda
        parent = self.fields["parent"]
        level = self.fields["level"]
        assert isinstance(parent, forms.ModelChoiceField) and isinstance(
            level, forms.ModelChoiceField
        )
        parent.queryset = Item.objects.filter(agenda=agenda).exclude(pk=self.instance.pk)
        level.queryset = agenda.levels.all()
        parent.label, level.label = _("Parent item"), _("Level")


class RoleForm(EditorModelForm):
    class Meta:
        model = Role
        fields = ["organisation", "role"]
        labels = {"organisation": _("Organisation")}


class MilestoneForm(EditorModelForm):
    class Meta:
        model = Milestone
        fields = ["title_nl", "title_en", "planned", "actual", "status"]


class BudgetLineForm(EditorModelForm):
    class Meta:
        model = BudgetLine
        fields = [
            "funder",
            "instrument",
            "amount",
            "committed",
            "realised",
            "period_start",
            "period_end",
            "note_nl",
            "note_en",
        ]
        labels = {"funder": _("Funder")}


class AgreementForm(EditorModelForm):
    class Meta:
        model = Agreement
        fields = ["text_nl", "text_en", "owner", "due", "status", "items"]
        labels = {"owner": _("Owner"), "items": _("Agenda items")}


class IndicatorForm(EditorModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name_nl",
            "name_en",
            "description_nl",
            "description_en",
            "unit",
            "direction",
            "frequency",
            "publisher",
        ]


class TargetForm(EditorModelForm):
    class Meta:
        model = Target
        fields = [
            "geography",
            "item",
            "kind",
            "baseline_period",
            "baseline_value",
            "target_period",
            "target_value",
            "note_nl",
            "note_en",
        ]
        labels = {"geography": _("Area"), "item": _("Agenda item")}


class ObservationForm(EditorModelForm):
    """A new figure. Observations are append-only: a correction is a new row."""

    class Meta:
        model = Observation
        fields = [
            "geography",
            "series",
            "period",
            "value",
            "provisional",
            "estimated",
            "note_nl",
            "note_en",
        ]
        labels = {"geography": _("Area")}


def inline(model: type[Any], parent: type[Any], form: type[EditorModelForm]) -> Any:
    """An inline formset of `model` rows under a `parent`, with one blank row and removal."""
    return forms.inlineformset_factory(parent, model, form=form, extra=1, can_delete=True)


RoleFormSet = inline(Role, Item, RoleForm)
MilestoneFormSet = inline(Milestone, Item, MilestoneForm)
BudgetLineFormSet = inline(BudgetLine, Item, BudgetLineForm)
TargetFormSet = inline(Target, Indicator, TargetForm)
