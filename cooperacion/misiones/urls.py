from django.urls import path

from buengobierno.web.views import inicio_procedimiento

app_name = "cooperacion_misiones"

urlpatterns = [
    path("", inicio_procedimiento, {"app_label": "cooperacion_misiones"}, name="inicio"),
]
