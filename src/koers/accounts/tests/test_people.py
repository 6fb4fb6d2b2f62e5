"""Adding people with their roles, as `koers user add` does."""

from __future__ import annotations

import pytest

from koers.accounts.models import RoleAssignment
from koers.accounts.service import AccountError, add_person
from koers.rounds.tests.world import World

pytestmark = pytest.mark.django_db


def test_a_person_is_added_with_organisation_role_and_agenda(world: World) -> None:
    person = add_person(
        "Nina@Trekker.nl", "Nina", "trekker", "coordinator", "proef", "a long enough passphrase"
    )
    assert (person.user.username, person.organisation.code) == ("nina@trekker.nl", "trekker")
    assert list(
        RoleAssignment.objects.filter(person=person).values_list("role", "agenda__code")
    ) == [("coordinator", "proef")]
    assert person.user.check_password("a long enough passphrase")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("x@y.nl", "X", "nope", "owner", None, None), "no organisation with code 'nope'"),
        (("x@y.nl", "X", "trekker", "boss", None, None), "unknown role 'boss'"),
        (("x@y.nl", "X", "trekker", "coordinator", None, None), "held for one agenda"),
        (("x@y.nl", "X", "trekker", "administrator", "proef", None), "holds for every agenda"),
        (("x@y.nl", "X", "trekker", "owner", "nope", None), "no agenda with code 'nope'"),
        (("x@y.nl", "X", "trekker", "owner", None, "short"), "at least 12 characters"),
        (("x@y.nl", "X", "trekker", "owner", None, "startfinding"), "too common"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_writes_nothing(
    world: World, args: tuple[str | None, ...], message: str
) -> None:
    with pytest.raises(AccountError, match=message):
        add_person(*args)
    assert not RoleAssignment.objects.filter(person__user__username="x@y.nl").exists()
