from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from buengobierno.web import views as web

admin.site.site_header = _("Buen Gobierno — administración")
admin.site.site_title = _("Buen Gobierno")
admin.site.index_title = _("Administración del sistema")

urlpatterns = [
    path("", web.escritorio, name="escritorio"),
    path("salud/", web.salud, name="salud"),
    path("exportaciones/<int:pk>/", web.exportacion, name="exportacion"),
    path("cuentas/", include("buengobierno.organizacion.urls")),
    path("avisos/", include("buengobierno.avisos.urls")),
    path("documentos/", include("buengobierno.documentos.urls")),
    path("admin/", admin.site.urls),
    path("delegaciones/", include("delegaciones.urls")),
    path("agenda/", include("agenda.urls")),
    path("actos/", include("actos.urls")),
    path("proyectos-de-acuerdo/", include("proyectos_acuerdo.urls")),
    path("compromisos/", include("compromisos.urls")),
    path("cooperacion/alianzas/", include("cooperacion.alianzas.urls")),
    path("cooperacion/proyectos/", include("cooperacion.proyectos.urls")),
    path("cooperacion/misiones/", include("cooperacion.misiones.urls")),
]

handler403 = "buengobierno.web.views.error_403"
handler404 = "buengobierno.web.views.error_404"
handler500 = "buengobierno.web.views.error_500"

if settings.DEBUG:
    urlpatterns += [
        path("errores/403/", web.error_403, {"exception": None}),
        path("errores/404/", web.error_404, {"exception": None}),
        path("errores/500/", web.error_500),
    ]
