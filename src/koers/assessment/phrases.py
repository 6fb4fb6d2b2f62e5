"""The words of an explanation in each language Koers speaks (no Django).

The engine records *why* a status came about as keys and numbers
(`Explanation`); these tables turn them into sentences. English is the
source; Dutch is written out here rather than through gettext because the
assessment package must stay free of Django (it is reused and tested as
plain Python). A language missing from `PHRASES` falls back to English.

The notes the engine writes are English sentences with numbers in them;
`NOTE_PATTERNS` recognises each of those sentences and rewrites it in
Dutch. `tests/test_explain_language.py` makes every note the engine can
write pass through a pattern, so no English note reaches a Dutch page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Phrases:
    """Sentence parts of one language; `{}` fields are filled by explain.py."""

    decimal: str
    methods: dict[str, str]
    statuses: dict[str, str]
    reasons: dict[str, str]
    rules: dict[str, str]
    band: str  # value, interval
    below: str  # threshold
    below_every: str
    points_used: str
    target: str  # target
    target_by: str  # target, year
    limit: str  # limit, coefficient
    needed: str  # rate
    pace: str  # rate
    note: str  # note
    aggregate: str  # key, status, rule
    mean_score: str  # score, count
    left_out: str  # list
    notes: tuple[tuple[re.Pattern[str], str], ...] = field(default=())
    words: dict[str, str] = field(default_factory=dict)


EN_REASONS = {
    "target_achieved": "The latest value meets the target.",
    "limit_reached": "The base value sits at the natural limit and was held: full progress.",
    "moved_off_target": "The base value met the target exactly and the series has moved away.",
    "no_data": "There are no data for this series.",
    "reported_no_data": "The figures come from the reporting round; none has been reported yet.",
    "single_year": "Fewer than two years of data at least a year apart; at least two are needed.",
    "duplicate_years": "Two values describe the same year; the series is ambiguous.",
    "no_base_year": "There are no data in or after the base year.",
    "opposite_signs": "Base and latest value have opposite signs; growth is undefined. "
    "Transform the data (e.g. in a Progress column).",
    "undefined_growth": "The growth rate is undefined for these values.",
    "required_growth_undefined": "The growth needed to reach the target is undefined "
    "(target of the opposite sign, or target year equal to the base year).",
    "numeric_overflow": "The numbers are too large to compare.",
    "invalid_config": "The progress options could not be read.",
    "invalid_number": "A target, target year, limit or base year is not a finite number.",
    "no_headline": "No headline rows (all disaggregations empty); select a disaggregation.",
    "many_series": "The options select more than one series; narrow them down.",
    "short_window": "The data do not span the minimum years of this trend window.",
    "zero_base": "The base value is zero; a growth rate needs a non-zero start.",
    "no_target": "This method needs a target.",
    "no_target_year": "This method needs a target year.",
    "target_year_not_after_base": "The target year is not after the baseline year.",
    "negative_count": "A cumulative count cannot be negative.",
    "invalid_rank": "A rank is 1 or more.",
    "unknown_window": "Unknown trend window.",
    "unknown_kind": "Unknown kind of linear series.",
    "unknown_method": "Unknown assessment method.",
}

NL_REASONS = {
    "target_achieved": "De laatste waarde haalt het doel.",
    "limit_reached": "De beginwaarde ligt op de natuurlijke grens en is vastgehouden: "
    "volledige vooruitgang.",
    "moved_off_target": "De beginwaarde was precies het doel en de reeks is daarvan afgeweken.",
    "no_data": "Voor deze reeks zijn er geen gegevens.",
    "reported_no_data": "De cijfers komen uit de rapportageronde; er is nog niets gemeld.",
    "single_year": "Minder dan twee jaren met gegevens die minstens een jaar uit elkaar "
    "liggen; er zijn er minstens twee nodig.",
    "duplicate_years": "Twee waarden gaan over hetzelfde jaar; de reeks is niet eenduidig.",
    "no_base_year": "Er zijn geen gegevens in of na het basisjaar.",
    "opposite_signs": "Begin- en laatste waarde hebben een tegengesteld teken; groei is niet "
    "gedefinieerd. Bewerk de gegevens (bijvoorbeeld in een kolom Progress).",
    "undefined_growth": "Voor deze waarden is het groeitempo niet gedefinieerd.",
    "required_growth_undefined": "De groei die nodig is om het doel te halen is niet "
    "gedefinieerd (doel met het tegengestelde teken, of doeljaar gelijk aan het basisjaar).",
    "numeric_overflow": "De getallen zijn te groot om te vergelijken.",
    "invalid_config": "De voortgangsinstellingen konden niet worden gelezen.",
    "invalid_number": "Een doel, doeljaar, grens of basisjaar is geen eindig getal.",
    "no_headline": "Geen totaalrijen (alle uitsplitsingen leeg); kies een uitsplitsing.",
    "many_series": "De instellingen kiezen meer dan één reeks; beperk de keuze.",
    "short_window": "De gegevens beslaan niet het minimale aantal jaren van deze trendperiode.",
    "zero_base": "De beginwaarde is nul; een groeitempo heeft een begin nodig dat niet nul is.",
    "no_target": "Deze methode heeft een doel nodig.",
    "no_target_year": "Deze methode heeft een doeljaar nodig.",
    "target_year_not_after_base": "Het doeljaar ligt niet na het basisjaar.",
    "negative_count": "Een cumulatief aantal kan niet negatief zijn.",
    "invalid_rank": "Een positie is 1 of hoger.",
    "unknown_window": "Onbekende trendperiode.",
    "unknown_kind": "Onbekende soort lineaire reeks.",
    "unknown_method": "Onbekende beoordelingsmethode.",
}

EN = Phrases(
    decimal=".",
    methods={
        "opensdg": "Open SDG / Statistics Canada method",
        "eurostat_short": "Eurostat short-term trend (5 years)",
        "eurostat_long": "Eurostat long-term trend (15 years)",
        "linear_cumulative": "Linear path for a cumulative count",
        "linear_rank": "Linear path for a rank",
        "linear_level": "Linear path for a level",
    },
    statuses={},  # English shows the status key with spaces
    reasons=EN_REASONS,
    rules={
        "mean_of_scores": "status from the mean score of the children, each weighing the same",
        "all_targets_achieved": "every scored child achieved its target",
        "no_scored_children": "no child could be assessed",
        "manual": "status set by hand",
    },
    band="The progress value {value} lies {interval}.",
    below="below {threshold}",
    below_every="below every threshold",
    points_used="Data points used: {points}.",
    target="Target {target}.",
    target_by="Target {target} by {year}.",
    limit="Natural limit {limit}: thresholds scaled by C = {coefficient}.",
    needed="needed from the latest point {rate} per year",
    pace="pace so far {rate} per year",
    note="Note: {note}.",
    aggregate="{key}: {status} ({rule}).",
    mean_score=" Mean score {score} of {count} children.",
    left_out=" Left out: {items}.",
)


def _nl_notes() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each English note the engine writes, with its Dutch rewrite."""
    table = (
        (
            r"(?P<what>target|base value) 0 replaced by (?P<by>\S+); choose a sensible value",
            "{what} 0 vervangen door {by}; kies een zinvolle waarde",
        ),
        (
            r"no data for base year (?P<wanted>\S+); used (?P<used>\S+)",
            "geen gegevens voor basisjaar {wanted}; {used} gebruikt",
        ),
        (
            r"limit (?P<limit>\S+) ignored because a target is given",
            "grens {limit} genegeerd omdat er een doel is",
        ),
        (
            r"base value (?P<value>\S+) is beyond the limit (?P<limit>\S+)",
            "beginwaarde {value} ligt voorbij de grens {limit}",
        ),
        (
            r"limit ignored: Eurostat has no natural-limit scaling",
            "grens genegeerd: de Eurostat-methode schaalt niet naar een natuurlijke grens",
        ),
        (
            r"a rank is better when lower; the direction 'increase' was ignored",
            "een lagere positie is beter; de richting 'stijgen' is genegeerd",
        ),
        (
            r"options entry (?P<entry>.+) is not a mapping",
            "instelling {entry} is geen verzameling sleutels en waarden",
        ),
        (r"(?P<name>\w+): (?P<value>.+) is not a number", "{name}: {value} is geen getal"),
        (
            r"disaggregation: each item needs a field and a value",
            "uitsplitsing: elk onderdeel heeft een veld en een waarde nodig",
        ),
        (
            r"column (?P<column>'.*') not found; not filtered",
            "kolom {column} niet gevonden; niet gefilterd",
        ),
        (
            r"(?P<wanted>'.*') not found in column (?P<column>'.*'); not filtered",
            "{wanted} niet gevonden in kolom {column}; niet gefilterd",
        ),
        (
            r"several series remain in column (?P<column>'.*')",
            "er blijven meerdere reeksen over in kolom {column}",
        ),
        (
            r"unknown frequency (?P<frequency>'.*'): staleness not assessed",
            "onbekende frequentie {frequency}: actualiteit niet beoordeeld",
        ),
        (
            r"the as-of date precedes the latest observation",
            "de peildatum ligt vóór de laatste waarneming",
        ),
        (
            r"(?P<verdict>stale|current): latest observation (?P<latest>\S+) is (?P<age>\d+) days"
            r" old on (?P<as_of>\S+); (?P<frequency>\w+) data may be (?P<allowed>\d+) days old"
            r" \((?P<why>.*)\)",
            "{verdict}: de laatste waarneming ({latest}) is op {as_of} {age} dagen oud; "
            "{frequency} gegevens mogen {allowed} dagen oud zijn ({why})",
        ),
        (
            r"assessed on (?P<code>\S+) \(.*\), the declared proxy for (?P<own>\S+); the target"
            r" (?P<target>\S+) is compared as stated",
            "beoordeeld op {code}, de opgegeven vervanger voor {own}; het doel {target} "
            "wordt vergeleken zoals het is gesteld",
        ),
        (
            r"assessed on (?P<code>\S+) \(.*\), the declared proxy for (?P<own>\S+); the target"
            r" (?P<target>\S+) from (?P<base>\S+) in (?P<period>\S+) is carried over to"
            r" (?P<level>\S+) from the proxy's (?P<proxy_base>\S+)",
            "beoordeeld op {code}, de opgegeven vervanger voor {own}; het doel {target} vanaf "
            "{base} in {period} is omgerekend naar {level} vanaf {proxy_base} bij de vervanger",
        ),
        (
            r"no figure yet for (?P<years>[\d, ]+): counted at the mean of the (?P<count>\d+)"
            r" observed year\(s\) since the baseline \((?P<pace>\S+) a year\), not as zero",
            "nog geen cijfer voor {years}: geteld tegen het gemiddelde van de {count} "
            "waargenomen jaren sinds het basisjaar ({pace} per jaar), niet als nul",
        ),
    )
    return tuple((re.compile(f"^{pattern}$"), dutch) for pattern, dutch in table)


NL = Phrases(
    decimal=",",
    methods={
        "opensdg": "Methode Open SDG / Statistics Canada",
        "eurostat_short": "Eurostat-trend korte termijn (5 jaar)",
        "eurostat_long": "Eurostat-trend lange termijn (15 jaar)",
        "linear_cumulative": "Lineair pad voor een cumulatief aantal",
        "linear_rank": "Lineair pad voor een positie",
        "linear_level": "Lineair pad voor een niveau",
    },
    statuses={
        "target_achieved": "doel bereikt",
        "substantial_progress": "grote vooruitgang",
        "moderate_progress": "matige vooruitgang",
        "limited_progress": "beperkte vooruitgang",
        "deterioration": "achteruitgang",
        "significant_progress": "duidelijke vooruitgang",
        "insufficient_progress": "onvoldoende vooruitgang",
        "movement_away": "beweging weg van het doel",
        "moderate_movement_away": "matige beweging weg van het doel",
        "significant_movement_away": "sterke beweging weg van het doel",
        "on_path": "op het benodigde pad",
        "behind_path": "achter op het benodigde pad",
        "far_behind_path": "ver achter op het benodigde pad",
        "moving_away": "beweegt weg van het doel",
        "not_available": "niet te beoordelen",
    },
    reasons=NL_REASONS,
    rules={
        "mean_of_scores": "status uit de gemiddelde score van de onderdelen, elk even zwaar",
        "all_targets_achieved": "elk beoordeeld onderdeel heeft zijn doel bereikt",
        "no_scored_children": "geen onderdeel kon worden beoordeeld",
        "manual": "status met de hand gezet",
    },
    band="De voortgangswaarde {value} ligt {interval}.",
    below="onder {threshold}",
    below_every="onder elke drempel",
    points_used="Gebruikte gegevens: {points}.",
    target="Doel {target}.",
    target_by="Doel {target} in {year}.",
    limit="Natuurlijke grens {limit}: drempels geschaald met C = {coefficient}.",
    needed="nodig vanaf het laatste punt {rate} per jaar",
    pace="tempo tot nu toe {rate} per jaar",
    note="Opmerking: {note}.",
    aggregate="{key}: {status} ({rule}).",
    mean_score=" Gemiddelde score {score} over {count} onderdelen.",
    left_out=" Weggelaten: {items}.",
    notes=_nl_notes(),
    words={
        "target": "doel",
        "base value": "beginwaarde",
        "stale": "verouderd",
        "current": "actueel",
        "annual": "jaarlijkse",
        "quarterly": "driemaandelijkse",
        "monthly": "maandelijkse",
        "irregular": "onregelmatige",
        "a yearly figure is due a year later, published within a year": "een jaarcijfer is een "
        "jaar later aan de beurt en verschijnt binnen een jaar",
        "a quarterly figure is due a quarter later, published within two quarters": "een "
        "kwartaalcijfer is een kwartaal later aan de beurt en verschijnt binnen twee kwartalen",
        "a monthly figure is due a month later, published within three months": "een "
        "maandcijfer is een maand later aan de beurt en verschijnt binnen drie maanden",
        "without a schedule, data older than five years (a survey or census cycle) are stale": (
            "zonder vast schema zijn gegevens ouder dan vijf jaar (een enquête- of "
            "tellingscyclus) verouderd"
        ),
    },
)

PHRASES = {"en": EN, "nl": NL}


def phrases(language: str) -> Phrases:
    """The phrases of `language` ("nl", "en"; a regional variant such as "nl-be" too)."""
    return PHRASES.get(language.split("-")[0].lower(), EN)


def translate_note(note: str, words: Phrases) -> str:
    """The note in the phrases' language; unchanged when no pattern knows it."""
    for pattern, template in words.notes:
        found = pattern.match(note)
        if found:
            values = {
                k: _number(words.words.get(v, v), words) for k, v in found.groupdict().items()
            }
            return template.format(**values)
    return note


_NUMBER = re.compile(r"^-?\d+\.\d+(e[+-]?\d+)?$")


def _number(text: str, words: Phrases) -> str:
    # Numbers caught inside a note take the language's decimal sign.
    return text.replace(".", words.decimal) if _NUMBER.match(text) else text
