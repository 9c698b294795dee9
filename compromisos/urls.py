from django.urls import path

from buengobierno.web.views import inicio_procedimiento

app_name = "compromisos"

urlpatterns = [
    path("", inicio_procedimiento, {"app_label": "compromisos"}, name="inicio"),
]
