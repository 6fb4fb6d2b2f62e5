"""The public site. Every page that shows tables also serves them as files at
`<page>download/<table>.<csv|xlsx|json>`."""

from django.urls import URLPattern, path

from koers.web import views

app_name = "web"


def page(route: str, view: views.PageView, name: str) -> list[URLPattern]:
    """The page at `route` and its tables' downloads below it."""
    return [
        path(route, views.show(view), name=name),
        path(
            f"{route}download/<slug:table>.<str:fmt>", views.download(view), name=f"{name}-download"
        ),
    ]


urlpatterns = [
    *page("", views.home, "home"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("zoeken/", views.search, name="search"),
    *page("indicatoren/", views.indicators, "indicators"),
    *page("indicatoren/<str:code>/", views.indicator, "indicator"),
    *page("organisatie/<slug:code>/", views.organisation, "organisation"),
    *page("regios-vergeleken/", views.peers, "peers"),
    *page("balansen/", views.balances, "balances"),
    *page("balansen/<slug:code>/", views.balance, "balance"),
    *page("agenda/<slug:agenda>/", views.agenda, "agenda"),
    *page("agenda/<slug:agenda>/mijlpalen/", views.timeline, "timeline"),
    *page("agenda/<slug:agenda>/geld/", views.money, "money"),
    *page("agenda/<slug:agenda>/herkomst/", views.lineage, "lineage"),
    *page("agenda/<slug:agenda>/plankwaliteit/", views.plan_quality, "plan-quality"),
    *page("agenda/<slug:agenda>/actie/<str:item>/", views.item, "item"),
]
