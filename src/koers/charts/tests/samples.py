"""Charts the tests draw: one realistic, and the edge cases."""

from __future__ import annotations

from koers.charts import Chart, ChartSeries, TargetMarker
from koers.charts.numbers import Language

NS = {"svg": "http://www.w3.org/2000/svg"}


def homes(language: Language = "nl") -> Chart:
    """Cumulative new homes against the 62,000 target, with flagged points."""
    region = ChartSeries(
        "Brainportregio",
        ((2016, 4100), (2017, 9000), (2018, 14500), (2019, 19800), (2020, 24500)),
        "region",
        flags=((), (), (), ("revised",), ("provisional", "estimated")),
    )
    national = ChartSeries("Nederland", ((2016, 3800), (2018, 12500), (2020, 21000)), "comparison")
    return Chart(
        title="Nieuwe woningen",
        description="Woningen gebouwd sinds 2016 tegen het doel van 62.000 in 2030.",
        unit="woningen",
        series=(region, national),
        target=TargetMarker(2030, 62000, "Doel 2030"),
        required_path=((2016, 4100), (2030, 62000)),
        language=language,
    )


def fractions(language: Language) -> Chart:
    """Small values whose ticks need one decimal (0,5 steps)."""
    series = ChartSeries("R&D", ((2018, 0.2), (2019, 1.1), (2020, 1.9)))
    return Chart(title="R&D-intensiteit", unit="%", series=(series,), language=language)


def edge_cases() -> dict[str, Chart]:
    """Inputs that must render without raising."""
    one = ChartSeries("Regio", ((2020, 2.4),))
    return {
        "no series": Chart(title="Leeg"),
        "empty series": Chart(title="Leeg", series=(ChartSeries("Regio", ()),)),
        "one point": Chart(title="Eén punt", series=(one,)),
        "all equal": Chart(title="Vlak", series=(ChartSeries("Regio", ((2015, 5), (2016, 5))),)),
        "all zero": Chart(title="Nul", series=(ChartSeries("Regio", ((2015, 0), (2016, 0))),)),
        "negative": Chart(
            title="Groei",
            series=(ChartSeries("Regio", ((2015, -3.2), (2016, 1.5), (2017, -0.8))),),
        ),
        "all negative": Chart(
            title="Krimp", series=(ChartSeries("Regio", ((2015, -30), (2016, -35))),)
        ),
        "billions": Chart(
            title="Export",
            series=(ChartSeries("Regio", tuple((1990.0 + i, 1.2e9 * 1.07**i) for i in range(31))),),
            language="en",
        ),
        "target far above": Chart(
            title="Banen",
            series=(ChartSeries("Regio", ((2019, 100), (2020, 120))),),
            target=TargetMarker(2030, 250_000, "Doel"),
            required_path=((2019, 100), (2030, 250_000)),
        ),
        "target only": Chart(title="Alleen doel", target=TargetMarker(2030, 5, "")),
        "not finite": Chart(
            title="NaN",
            series=(ChartSeries("Regio", ((2019, float("nan")), (2020, float("inf")))),),
        ),
        "fractional years": Chart(
            title="Schooljaren",
            series=(ChartSeries("Regio", ((2019.5, 10), (2020.5, 12), (2021.5, 11))),),
        ),
        "unsorted": Chart(
            title="Door elkaar", series=(ChartSeries("Regio", ((2020, 3), (2018, 1), (2019, 2))),)
        ),
        "escaping": Chart(
            title='R&D <"top"> & co',
            unit="<€>",
            series=(ChartSeries("A & B", ((2019, 1), (2020, 2))),),
        ),
        "many series": Chart(
            title="Peers",
            series=tuple(
                ChartSeries(f"Peer region number {i}", ((2019, i), (2020, i + 1)), "peer")
                for i in range(9)
            ),
        ),
    }
