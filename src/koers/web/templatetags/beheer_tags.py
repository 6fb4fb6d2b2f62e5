"""Template tags of the editors' area: form fields that say what is wrong, and the policy."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.utils.safestring import SafeString

from koers.accounts.policy import Action, permits

register = template.Library()


@register.simple_tag
def widget(field: forms.BoundField) -> SafeString:
    """The field's input, tied to its description and error message for screen readers."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    attrs: dict[str, Any] = {}
    if field.errors:
        described.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return SafeString(field.as_widget(attrs=attrs))


@register.filter
def is_hidden(field: forms.BoundField) -> bool:
    return bool(field.is_hidden)


@register.simple_tag(takes_context=True)
def allowed(context: template.Context, action: str) -> bool:
    """`{% allowed "read_audit" as can_read %}`: the policy's answer for the signed-in person."""
    request = context.get("request")
    return request is not None and permits(request.user, Action(action))


@register.inclusion_tag("web/beheer/round_progress.html")
def round_progress(agenda: Any) -> dict[str, Any]:
    """For signed-in people on the public agenda page: how far the open round is."""
    from koers.rounds.service import current_round, progress

    found = current_round(agenda)
    return {"progress": progress(found) if found is not None else None}


@register.simple_tag(takes_context=True)
def editor_ready(context: template.Context) -> bool:
    """Signed in with every factor the person's roles ask for: the editors' menu is theirs."""
    from koers.web.beheer.access import verified

    request = context.get("request")
    return request is not None and verified(request)


@register.filter
def item_label(item: Any) -> str:
    """ "4b Fotonica", as the public site names an item; the title alone for a slug code."""
    from koers.readmodel.service import item_label as label

    return label(item.code, item.title)
