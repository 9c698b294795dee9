from django.urls import path

from buengobierno.web.views import inicio_procedimiento

app_name = "actos"

urlpatterns = [
    path("", inicio_procedimiento, {"app_label": "actos"}, name="inicio"),
]
