from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExportacionQuerySet(models.QuerySet):
    def vigentes(self, ahora=None):
        """Ready and not expired: what the user may still download."""
        return self.filter(estado=Exportacion.Estado.LISTA, vence_en__gt=ahora or timezone.now())

    def vencidas(self, ahora=None):
        return self.filter(vence_en__lte=ahora or timezone.now())


class Exportacion(models.Model):
    """A list export too large for a request, produced in the background (servicios.py).

    It remembers the list and its filters (path and query string) and re-runs that list as
    the user who asked, so the access rules apply at production time too. The file is stored
    privately and served only to that user, until `vence_en`.
    """

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("En preparación")
        GENERANDO = "generando", _("En preparación")
        LISTA = "lista", _("Lista para descargar")
        FALLIDA = "fallida", _("No se pudo preparar")

    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.CASCADE,
        related_name="exportaciones",
    )
    nombre = models.CharField(_("nombre"), max_length=200)
    formato = models.CharField(_("formato"), max_length=5)
    ruta = models.CharField(_("lista"), max_length=500)
    parametros = models.TextField(_("filtros"), blank=True)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE
    )
    archivo = models.FileField(_("archivo"), upload_to="exportaciones/%Y/%m/", blank=True)
    filas = models.PositiveIntegerField(_("filas"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    creada_en = models.DateTimeField(_("pedida en"), default=timezone.now)
    terminada_en = models.DateTimeField(_("terminada en"), null=True, blank=True)
    vence_en = models.DateTimeField(_("disponible hasta"), null=True, blank=True)

    objects = ExportacionQuerySet.as_manager()

    class Meta:
        verbose_name = _("exportación")
        verbose_name_plural = _("exportaciones")
        ordering = ["-creada_en", "-pk"]
        indexes = [
            models.Index(fields=["usuario", "estado"], name="exportacion_usuario_estado"),
            models.Index(fields=["vence_en"], name="exportacion_vence_en"),
        ]

    def __str__(self):
        return f"{self.nombre} ({self.formato.upper()})"

    def get_absolute_url(self):
        return reverse("exportacion", args=[self.pk])

    @property
    def en_preparacion(self) -> bool:
        return self.estado in (self.Estado.PENDIENTE, self.Estado.GENERANDO)

    def url_de_la_lista(self) -> str:
        return f"{self.ruta}?{self.parametros}" if self.parametros else self.ruta
