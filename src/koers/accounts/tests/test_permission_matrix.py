"""The permission matrix: every role × every action × every state, each cell its own case.

`EXPECTED` below is the decision written out a second time, by hand, as the
issue describes the roles. Every cell is generated from the policy's own
enumerations, so a role, action or state added to the policy without a row
here fails (KeyError), and a rule that changes in the policy without changing
here fails its cells. The subject is one the role reaches (its agenda, an item
its organisation leads); `test_scope.py` checks what lies outside that reach.
"""

from __future__ import annotations

import itertools

import pytest

from koers.accounts.policy import Action, Grant, Holder, Role, Scope, State, decide

A, R, S = Action, Role, State
ALL = frozenset(State)
NONE = frozenset({S.NONE})
TASK = ALL - NONE
WRITABLE = frozenset({S.OPEN, S.RETURNED})
UNPUBLISHED = frozenset({S.OPEN, S.SUBMITTED, S.RETURNED, S.APPROVED})
NOTHING: frozenset[State] = frozenset()

# role -> action -> the states in which it is allowed (every other state: refused).
EXPECTED: dict[Role, dict[Action, frozenset[State]]] = {
    R.ADMINISTRATOR: {
        A.VIEW_DRAFT: TASK,
        A.EDIT_DRAFT: WRITABLE,
        A.SUBMIT: WRITABLE,
        A.COMMENT: UNPUBLISHED,
        A.RETURN: frozenset({S.SUBMITTED, S.APPROVED}),
        A.APPROVE: frozenset({S.SUBMITTED}),
        A.REOPEN: frozenset({S.PUBLISHED}),
        A.OPEN_ROUND: NONE,
        A.PUBLISH_ROUND: frozenset({S.OPEN, S.PUBLISHED}),
        A.REMIND: frozenset({S.OPEN}),
        A.EDIT_ITEM: NONE,
        A.EDIT_STRUCTURE: NONE,
        A.ADD_FIGURES: NONE,
        A.READ_AUDIT: NONE,
        A.MANAGE_PEOPLE: NONE,
        A.USE_ADMIN: NONE,
    },
    R.COORDINATOR: {
        A.VIEW_DRAFT: TASK,
        A.EDIT_DRAFT: WRITABLE,
        A.SUBMIT: WRITABLE,
        A.COMMENT: UNPUBLISHED,
        A.RETURN: frozenset({S.SUBMITTED, S.APPROVED}),
        A.APPROVE: frozenset({S.SUBMITTED}),
        A.REOPEN: frozenset({S.PUBLISHED}),
        A.OPEN_ROUND: NONE,
        A.PUBLISH_ROUND: frozenset({S.OPEN, S.PUBLISHED}),
        A.REMIND: frozenset({S.OPEN}),
        A.EDIT_ITEM: NONE,
        A.EDIT_STRUCTURE: NONE,
        A.ADD_FIGURES: NONE,
        A.READ_AUDIT: NONE,
        A.MANAGE_PEOPLE: NOTHING,
        A.USE_ADMIN: NOTHING,
    },
    R.OWNER: {
        A.VIEW_DRAFT: TASK,
        A.EDIT_DRAFT: WRITABLE,
        A.SUBMIT: WRITABLE,
        A.COMMENT: UNPUBLISHED,
        A.RETURN: NOTHING,
        A.APPROVE: NOTHING,
        A.REOPEN: NOTHING,
        A.OPEN_ROUND: NOTHING,
        A.PUBLISH_ROUND: NOTHING,
        A.REMIND: NOTHING,
        A.EDIT_ITEM: NONE,
        A.EDIT_STRUCTURE: NOTHING,
        A.ADD_FIGURES: NOTHING,
        A.READ_AUDIT: NOTHING,
        A.MANAGE_PEOPLE: NOTHING,
        A.USE_ADMIN: NOTHING,
    },
    R.CONTRIBUTOR: {
        A.VIEW_DRAFT: TASK,
        A.EDIT_DRAFT: WRITABLE,
        A.SUBMIT: NOTHING,
        A.COMMENT: UNPUBLISHED,
        A.RETURN: NOTHING,
        A.APPROVE: NOTHING,
        A.REOPEN: NOTHING,
        A.OPEN_ROUND: NOTHING,
        A.PUBLISH_ROUND: NOTHING,
        A.REMIND: NOTHING,
        A.EDIT_ITEM: NOTHING,
        A.EDIT_STRUCTURE: NOTHING,
        A.ADD_FIGURES: NOTHING,
        A.READ_AUDIT: NOTHING,
        A.MANAGE_PEOPLE: NOTHING,
        A.USE_ADMIN: NOTHING,
    },
    R.REVIEWER: {
        A.VIEW_DRAFT: TASK,
        A.EDIT_DRAFT: NOTHING,
        A.SUBMIT: NOTHING,
        A.COMMENT: UNPUBLISHED,
        A.RETURN: frozenset({S.SUBMITTED}),
        A.APPROVE: frozenset({S.SUBMITTED}),
        A.REOPEN: NOTHING,
        A.OPEN_ROUND: NOTHING,
        A.PUBLISH_ROUND: NOTHING,
        A.REMIND: NOTHING,
        A.EDIT_ITEM: NOTHING,
        A.EDIT_STRUCTURE: NOTHING,
        A.ADD_FIGURES: NOTHING,
        A.READ_AUDIT: NOTHING,
        A.MANAGE_PEOPLE: NOTHING,
        A.USE_ADMIN: NOTHING,
    },
    R.READER: {
        A.VIEW_DRAFT: TASK,
        A.EDIT_DRAFT: NOTHING,
        A.SUBMIT: NOTHING,
        A.COMMENT: NOTHING,
        A.RETURN: NOTHING,
        A.APPROVE: NOTHING,
        A.REOPEN: NOTHING,
        A.OPEN_ROUND: NOTHING,
        A.PUBLISH_ROUND: NOTHING,
        A.REMIND: NOTHING,
        A.EDIT_ITEM: NOTHING,
        A.EDIT_STRUCTURE: NOTHING,
        A.ADD_FIGURES: NOTHING,
        A.READ_AUDIT: NOTHING,
        A.MANAGE_PEOPLE: NOTHING,
        A.USE_ADMIN: NOTHING,
    },
}

AGENDA, ORGANISATION = 1, 7
# A subject the role reaches: in the role's agenda, led by the person's organisation.
REACHED = Scope(agendas=frozenset({AGENDA}), leads=frozenset({ORGANISATION}))
CELLS = list(itertools.product(Role, Action, State))


def _holder(role: Role) -> Holder:
    agenda = None if role == Role.ADMINISTRATOR else AGENDA
    return Holder(ORGANISATION, (Grant(role, agenda),))


@pytest.mark.parametrize(
    ("role", "action", "state"), CELLS, ids=[f"{r}-{a}-{s}" for r, a, s in CELLS]
)
def test_the_cell_is_decided_as_the_table_says(role: Role, action: Action, state: State) -> None:
    expected = state in EXPECTED[role][action]
    assert decide(_holder(role), action, REACHED, state) is expected


def test_the_table_decides_every_role_and_action_and_nothing_else() -> None:
    assert set(EXPECTED) == set(Role)
    assert all(set(actions) == set(Action) for actions in EXPECTED.values())


def test_the_matrix_has_576_cells() -> None:
    assert len(CELLS) == len(Role) * len(Action) * len(State) == 6 * 16 * 6


def test_somebody_without_a_role_is_refused_everything() -> None:
    nobody = Holder(ORGANISATION, ())
    assert not any(decide(nobody, a, REACHED, s) for a, s in itertools.product(Action, State))
