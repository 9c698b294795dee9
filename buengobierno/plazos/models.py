from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DiaNoHabil(models.Model):
    """A non-working day beyond the national holidays, e.g. a civic day decreed by the Alcalde."""

    fecha = models.DateField(_("fecha"), unique=True)
    motivo = models.CharField(_("motivo"), max_length=200)
    acto = models.CharField(
        _("acto que lo declara"),
        max_length=120,
        blank=True,
        help_text=_("p. ej. Decreto 4112.010.20.0123 de 2026"),
    )
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("día no hábil")
        verbose_name_plural = _("días no hábiles")
        ordering = ["-fecha"]

    def __str__(self):
        return f"{self.fecha:%Y-%m-%d} — {self.motivo}"
