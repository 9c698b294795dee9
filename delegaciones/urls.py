from django.urls import path

from buengobierno.web.views import inicio_procedimiento

app_name = "delegaciones"

urlpatterns = [
    path("", inicio_procedimiento, {"app_label": "delegaciones"}, name="inicio"),
]
