from django.urls import path

from buengobierno.web.views import inicio_procedimiento

app_name = "agenda"

urlpatterns = [
    path("", inicio_procedimiento, {"app_label": "agenda"}, name="inicio"),
]
