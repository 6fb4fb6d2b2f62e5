"""Who does what: the partners, the roles per item, governance, agreements and the outlook."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from koers.agendas.models import Agreement, GovernanceBody, Meeting, Organisation, Role
from koers.readmodel import labels as names
from koers.readmodel.i18n import in_language
from koers.readmodel.scope import Scope
from koers.readmodel.types import (
    AgreementRow,
    BodyRow,
    MeetingRow,
    OutlookEntry,
    RoleRow,
    Structure,
)


def partners(scope: Scope) -> tuple[str, ...]:
    """The organisations on whose behalf the report speaks.

    The coordinators of the pillars; without them the coordinators anywhere in
    the agenda; without those the members of the agenda's governance bodies.
    """
    for items in (scope.pillars, scope.items):
        roles = Role.objects.filter(item__in=items, role=Role.Kind.COORDINATOR)
        found = _names(scope, [role.organisation for role in roles.select_related("organisation")])
        if found:
            return found
    members = Organisation.objects.filter(governance_bodies__agenda=scope.agenda)
    return _names(scope, list(members.order_by("code")))


def _names(scope: Scope, organisations: list[Organisation]) -> tuple[str, ...]:
    unique = dict.fromkeys(organisations)
    return tuple(in_language(o, "name", scope.language) for o in unique)


def structure(scope: Scope) -> Structure:
    return Structure(roles=_role_rows(scope), bodies=bodies(scope))


def _role_rows(scope: Scope) -> tuple[RoleRow, ...]:
    """A row per item with roles, in tree order."""
    by_item: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    roles = Role.objects.filter(item__in=scope.items).select_related("organisation")
    for role in roles.order_by("organisation__code"):
        name = in_language(role.organisation, "name", scope.language)
        by_item[role.item_id][role.role].append(name)
    return tuple(
        RoleRow(
            item_code=item.code,
            item_title=item.title,
            depth=scope.depth(item),
            coordinators=tuple(by_item[item.pk]["coordinator"]),
            leads=tuple(by_item[item.pk]["lead"]),
            partners=tuple(by_item[item.pk]["partner"]),
            financiers=tuple(by_item[item.pk]["financier"]),
        )
        for item in scope.tree_order()
        if item.pk in by_item
    )


def bodies(scope: Scope) -> tuple[BodyRow, ...]:
    bodies = GovernanceBody.objects.filter(agenda=scope.agenda).prefetch_related("members")
    return tuple(_body(scope, body) for body in bodies.order_by("code"))


def _body(scope: Scope, body: GovernanceBody) -> BodyRow:
    lang = scope.language
    meetings = Meeting.objects.filter(body=body, date__range=(scope.start, scope.end))
    return BodyRow(
        name=in_language(body, "name", lang),
        description=in_language(body, "description", lang),
        frequency=in_language(body, "frequency", lang),
        members=tuple(in_language(m, "name", lang) for m in body.members.order_by("code")),
        meetings=tuple(_meeting(scope, m) for m in meetings.order_by("date", "code")),
    )


def _meeting(scope: Scope, meeting: Meeting) -> MeetingRow:
    texts = tuple(in_language(a, "text", scope.language) for a in meeting.agreements.all())
    return MeetingRow(meeting.date, scope.date(meeting.date), meeting.title, texts)


def agreements(scope: Scope) -> tuple[AgreementRow, ...]:
    """Agreements made or due in the period, and older ones still open (overdue stand out)."""
    agenda = scope.agenda
    related = Agreement.objects.filter(
        Q(meeting__body__agenda=agenda) | Q(items__agenda=agenda)
    ).distinct()
    made_in_time = Q(meeting__date__lte=scope.end) | Q(meeting__isnull=True)
    relevant = (
        Q(meeting__date__range=(scope.start, scope.end))
        | Q(due__range=(scope.start, scope.end))
        | Q(status=Agreement.Status.OPEN, due__lte=scope.end)
        | Q(status=Agreement.Status.OPEN, due__isnull=True)
    )
    rows = related.filter(made_in_time).filter(relevant).select_related("owner", "meeting__body")
    return tuple(_agreement(scope, a) for a in rows.order_by("due", "code"))


def _agreement(scope: Scope, agreement: Agreement) -> AgreementRow:
    lang = scope.language
    overdue = agreement.is_overdue(scope.end)
    status = "overdue" if overdue else agreement.status
    meeting = agreement.meeting
    return AgreementRow(
        text=in_language(agreement, "text", lang),
        owner=in_language(agreement.owner, "name", lang) if agreement.owner else "",
        due=agreement.due,
        due_text=scope.date(agreement.due) if agreement.due else "",
        status=scope.status_label(names.AGREEMENT_STATUS, status),
        overdue=overdue,
        meeting=f"{meeting.title} ({scope.date(meeting.date)})" if meeting else "",
        items=", ".join(item.code for item in agreement.items.filter(agenda=scope.agenda)),
    )


def outlook(scope: Scope) -> tuple[OutlookEntry, ...]:
    """The priorities for the next period that the period's updates name, in tree order."""
    entries = []
    for item in scope.tree_order():
        update = scope.updates.get(item.pk)
        if update is not None and update.outlook:
            entries.append(OutlookEntry(item.code, item.title, tuple(update.outlook)))
    return tuple(entries)
