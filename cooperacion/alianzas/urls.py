from django.urls import path

from buengobierno.web.views import inicio_procedimiento

app_name = "cooperacion_alianzas"

urlpatterns = [
    path("", inicio_procedimiento, {"app_label": "cooperacion_alianzas"}, name="inicio"),
]
