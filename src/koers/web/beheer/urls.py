"""The editors' area, under /beheer/ (and /en/beheer/)."""

from django.urls import path

from koers.web.beheer import audit, editing, rounds, signin, tasks, upload

app_name = "beheer"

urlpatterns = [
    path("", tasks.home, name="home"),
    path("inloggen/", signin.sign_in, name="login"),
    path("inloggen/code/", signin.two_factor, name="two-factor"),
    path("uitloggen/", signin.sign_out, name="logout"),
    path("taak/<int:pk>/", tasks.task_page, name="task"),
    path("rondes/", rounds.rounds_page, name="rounds"),
    path("rondes/<int:pk>/", rounds.round_page, name="round"),
    path("agendas/", editing.agendas_page, name="agendas"),
    path("agenda/<slug:agenda>/", editing.agenda_page, name="agenda"),
    path("agenda/<slug:agenda>/nieuw/", editing.new_item_page, name="new-item"),
    path("agenda/<slug:agenda>/item/<str:item>/", editing.item_page, name="item"),
    path(
        "agenda/<slug:agenda>/item/<str:item>/<slug:section>/",
        editing.item_section_page,
        name="item-section",
    ),
    path("afspraak/<slug:code>/", editing.agreement_page, name="agreement"),
    path("indicatoren/", editing.indicators_page, name="indicators"),
    path("indicatoren/upload/", upload.upload_page, name="upload"),
    path("indicatoren/<str:code>/", editing.indicator_page, name="indicator"),
    path("indicatoren/<str:code>/cijfer/", editing.observation_page, name="observation"),
    path("audit/", audit.audit_page, name="audit"),
    path("audit/download/audit.<str:fmt>", audit.audit_page, name="audit-download"),
]
