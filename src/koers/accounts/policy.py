"""Who may do what: one table of role × action × state, and one function that reads it.

A person holds roles (`RoleAssignment`), some for one agenda. A role applies to
a subject (a task, a round, an item, an agenda, an indicator, or nothing in
particular) when the subject lies in the role's agenda and, for the roles that
work on their own items (owner, contributor), when the person's organisation
leads the item. The subject's *state* is the state of the reporting task or
round it belongs to, `none` for everything outside a round. An action is
allowed when any role that applies allows it in that state (`RULES`).

Views, templates, the admin and the CLI ask `permits` or `require`; nothing
else decides. A refused `require` is written to the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    COORDINATOR = "coordinator"
    OWNER = "owner"
    CONTRIBUTOR = "contributor"
    REVIEWER = "reviewer"
    READER = "reader"


class Action(StrEnum):
    VIEW_DRAFT = "view_draft"  # read a task with its unpublished draft and history
    EDIT_DRAFT = "edit_draft"  # change a task's draft
    SUBMIT = "submit"  # hand the draft in for review
    COMMENT = "comment"  # add a remark to a task without changing its state
    RETURN = "return"  # send a submitted task back with a comment
    APPROVE = "approve"  # accept a submitted task for publication
    REOPEN = "reopen"  # unlock a published task, with a reason
    OPEN_ROUND = "open_round"  # start a reporting round for an agenda and a period
    PUBLISH_ROUND = "publish_round"  # publish the approved tasks of a round
    REMIND = "remind"  # e-mail the owners who have not submitted
    EDIT_ITEM = "edit_item"  # an item's texts, milestones and budget lines
    EDIT_STRUCTURE = "edit_structure"  # the tree, roles, agreements, indicators, targets
    ADD_FIGURES = "add_figures"  # observations, one by one or from a sheet
    READ_AUDIT = "read_audit"  # read and export the audit trail
    MANAGE_PEOPLE = "manage_people"  # accounts and their roles
    USE_ADMIN = "use_admin"  # Django's admin


class State(StrEnum):
    NONE = "none"  # the subject is not part of a reporting round
    OPEN = "open"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    PUBLISHED = "published"


ROLE_CODES = frozenset(role.value for role in Role)

ROLE_LABELS: Mapping[Role, str | Promise] = {
    Role.ADMINISTRATOR: _("administrator"),
    Role.COORDINATOR: _("coordinator"),
    Role.OWNER: _("owner"),
    Role.CONTRIBUTOR: _("contributor"),
    Role.REVIEWER: _("reviewer"),
    Role.READER: _("reader"),
}

STATE_LABELS: Mapping[State, str | Promise] = {
    State.NONE: _("outside a round"),
    State.OPEN: _("open"),
    State.SUBMITTED: _("submitted"),
    State.RETURNED: _("returned"),
    State.APPROVED: _("approved"),
    State.PUBLISHED: _("published"),
}

_ALL = frozenset(State)
_NONE = frozenset({State.NONE})
# A draft can be worked on until it is handed in, and again when it comes back.
_WRITABLE = frozenset({State.OPEN, State.RETURNED})
_UNPUBLISHED = frozenset({State.OPEN, State.SUBMITTED, State.RETURNED, State.APPROVED})
_TASK_STATES = _ALL - _NONE
_ROUND_OPEN = frozenset({State.OPEN})
# A published round can be published again: a reopened task comes back through it.
_ROUND_ANY = frozenset({State.OPEN, State.PUBLISHED})

RULES: Mapping[Role, Mapping[Action, frozenset[State]]] = {
    Role.ADMINISTRATOR: {
        Action.VIEW_DRAFT: _TASK_STATES,
        Action.EDIT_DRAFT: _WRITABLE,
        Action.SUBMIT: _WRITABLE,
        Action.COMMENT: _UNPUBLISHED,
        Action.RETURN: frozenset({State.SUBMITTED, State.APPROVED}),
        Action.APPROVE: frozenset({State.SUBMITTED}),
        Action.REOPEN: frozenset({State.PUBLISHED}),
        Action.OPEN_ROUND: _NONE,
        Action.PUBLISH_ROUND: _ROUND_ANY,
        Action.REMIND: _ROUND_OPEN,
        Action.EDIT_ITEM: _NONE,
        Action.EDIT_STRUCTURE: _NONE,
        Action.ADD_FIGURES: _NONE,
        Action.READ_AUDIT: _NONE,
        Action.MANAGE_PEOPLE: _NONE,
        Action.USE_ADMIN: _NONE,
    },
    # The coordinator runs the round and keeps the agenda; may stand in for a
    # silent owner, so a round never waits on one partner for ever.
    Role.COORDINATOR: {
        Action.VIEW_DRAFT: _TASK_STATES,
        Action.EDIT_DRAFT: _WRITABLE,
        Action.SUBMIT: _WRITABLE,
        Action.COMMENT: _UNPUBLISHED,
        Action.RETURN: frozenset({State.SUBMITTED, State.APPROVED}),
        Action.APPROVE: frozenset({State.SUBMITTED}),
        Action.REOPEN: frozenset({State.PUBLISHED}),
        Action.OPEN_ROUND: _NONE,
        Action.PUBLISH_ROUND: _ROUND_ANY,
        Action.REMIND: _ROUND_OPEN,
        Action.EDIT_ITEM: _NONE,
        Action.EDIT_STRUCTURE: _NONE,
        Action.ADD_FIGURES: _NONE,
        Action.READ_AUDIT: _NONE,
    },
    Role.OWNER: {
        Action.VIEW_DRAFT: _TASK_STATES,
        Action.EDIT_DRAFT: _WRITABLE,
        Action.SUBMIT: _WRITABLE,
        Action.COMMENT: _UNPUBLISHED,
        Action.EDIT_ITEM: _NONE,
    },
    # A contributor drafts for the owner, who decides when it is handed in.
    Role.CONTRIBUTOR: {
        Action.VIEW_DRAFT: _TASK_STATES,
        Action.EDIT_DRAFT: _WRITABLE,
        Action.COMMENT: _UNPUBLISHED,
    },
    # A reviewer judges what was handed in and changes none of it.
    Role.REVIEWER: {
        Action.VIEW_DRAFT: _TASK_STATES,
        Action.COMMENT: _UNPUBLISHED,
        Action.RETURN: frozenset({State.SUBMITTED}),
        Action.APPROVE: frozenset({State.SUBMITTED}),
    },
    Role.READER: {
        Action.VIEW_DRAFT: _TASK_STATES,
    },
}

# Roles that act on the items their organisation leads, not on a whole agenda.
ITEM_BOUND = frozenset({Role.OWNER, Role.CONTRIBUTOR})
# Roles that may change the whole agenda sign in with a second factor.
TWO_FACTOR = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR})


def allows(role: Role, action: Action, state: State) -> bool:
    """The table's answer for one role: may `role` do `action` to a subject in `state`?"""
    return state in RULES[role].get(action, frozenset())


@dataclass(frozen=True)
class Scope:
    """Where a subject lies: its agendas (empty: no agenda in particular) and the
    organisations that lead it (empty: not an item)."""

    agendas: frozenset[int] = frozenset()
    leads: frozenset[int] = frozenset()


EVERYWHERE = Scope()


class Subject(Protocol):
    """Anything the policy decides on: it says where it lies and in which state."""

    def policy_scope(self) -> Scope: ...

    def policy_state(self) -> State: ...


@dataclass(frozen=True)
class Grant:
    """One role a person holds, for one agenda or (None) for all."""

    role: Role
    agenda_id: int | None


@dataclass(frozen=True)
class Holder:
    """What the policy needs to know about a person: the organisation and the grants."""

    organisation_id: int | None
    grants: tuple[Grant, ...]


NOBODY = Holder(None, ())


def roles_for(holder: Holder, scope: Scope) -> frozenset[Role]:
    """The roles of `holder` that apply to a subject lying in `scope`."""
    return frozenset(grant.role for grant in holder.grants if _applies(grant, holder, scope))


def _applies(grant: Grant, holder: Holder, scope: Scope) -> bool:
    if grant.agenda_id is not None and scope.agendas and grant.agenda_id not in scope.agendas:
        return False
    # An owner's or contributor's role reaches only the items the organisation leads.
    if grant.role in ITEM_BOUND:
        return holder.organisation_id is not None and holder.organisation_id in scope.leads
    return True


def decide(holder: Holder, action: Action, scope: Scope, state: State) -> bool:
    """Does any role of `holder` that applies in `scope` allow `action` in `state`?"""
    return any(allows(role, action, state) for role in roles_for(holder, scope))


@dataclass(frozen=True)
class Nothing:
    """The subject of actions that concern no object in particular (reading the audit)."""

    def policy_scope(self) -> Scope:
        return EVERYWHERE

    def policy_state(self) -> State:
        return State.NONE


NOTHING = Nothing()


class CommandLine:
    """Whoever runs `koers` without `KOERS_ACTOR`: they can already change every row
    of the database, so the command line acts with an administrator's rights."""

    is_authenticated = True
    is_active = True
    pk = None

    def get_username(self) -> str:
        return "cli"


COMMAND_LINE = CommandLine()

User = AbstractBaseUser | AnonymousUser | CommandLine


def permits(user: User, action: Action, subject: Subject = NOTHING) -> bool:
    """May `user` do `action` to `subject`? Asked by views, templates and the CLI."""
    from koers.accounts.people import holder_of

    return decide(holder_of(user), action, subject.policy_scope(), subject.policy_state())


def allowed_actions(user: User, subject: Subject) -> frozenset[Action]:
    """Every action `user` may do to `subject`: what a page offers as buttons."""
    return frozenset(action for action in Action if permits(user, action, subject))


def require(user: User, action: Action, subject: Subject = NOTHING) -> None:
    """Raise PermissionDenied, after writing the refusal to the audit trail, unless permitted."""
    if permits(user, action, subject):
        return
    from koers.accounts import audit

    audit.record_refusal(action, subject)
    raise PermissionDenied(f"{action} is not allowed here")


def works_on(user: User, subject: Subject) -> bool:
    """Does `user` hold a role on `subject` as one of the organisation that leads it (owner,
    contributor)? Their own tasks, as against those they may stand in for or review."""
    from koers.accounts.people import holder_of

    return bool(roles_for(holder_of(user), subject.policy_scope()) & ITEM_BOUND)


def needs_two_factor(user: User) -> bool:
    """Administrators and coordinators prove a second factor before they may act."""
    from koers.accounts.people import holder_of

    return any(grant.role in TWO_FACTOR for grant in holder_of(user).grants)


def held_roles(user: User) -> list[Grant]:
    from koers.accounts.people import holder_of

    return list(holder_of(user).grants)


def any_role(user: User, roles: Iterable[Role]) -> bool:
    wanted = set(roles)
    return any(grant.role in wanted for grant in held_roles(user))
