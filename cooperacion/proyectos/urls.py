from django.urls import path

from buengobierno.web.views import inicio_procedimiento

app_name = "cooperacion_proyectos"

urlpatterns = [
    path("", inicio_procedimiento, {"app_label": "cooperacion_proyectos"}, name="inicio"),
]
