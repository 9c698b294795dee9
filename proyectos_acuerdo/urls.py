from django.urls import path

from buengobierno.web.views import inicio_procedimiento

app_name = "proyectos_acuerdo"

urlpatterns = [
    path("", inicio_procedimiento, {"app_label": "proyectos_acuerdo"}, name="inicio"),
]
