"""The platform's own periodic scan (autodiscovered like every app's `avisos` module)."""

from django.utils.translation import gettext_lazy as _

from buengobierno.avisos import servicios
from buengobierno.avisos.registro import escaneo


@escaneo(
    "reenviar_pendientes",
    descripcion=_(
        "Reenvía los recordatorios pendientes: los que no se pudieron encolar (broker caído), "
        "los que esperan un reintento tras un fallo SMTP y los que un worker dejó a medias."
    ),
    # Every minute: with PLAZO_ENVIANDO (4 min) a dead worker's rows go back within 5.
    crontab={"minute": "*"},
)
def reenviar_pendientes():
    return servicios.reenviar_pendientes()
