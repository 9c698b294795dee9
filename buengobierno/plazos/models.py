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


class DiaCalendario(models.Model):
    """One date of the business-day calendar, kept by `buengobierno.plazos.tabla`.

    `ordinal` counts the business days from the first date of the calendar up to and including
    this one, so "business days between" is a subtraction of two ordinals and "n business days
    after" is one indexed lookup of an ordinal. Never edited by hand: it is regenerated from
    the holidays package and DiaNoHabil (see tabla.sincronizar_calendario).
    """

    fecha = models.DateField(_("fecha"), primary_key=True)
    habil = models.BooleanField(_("hábil"))
    ordinal = models.PositiveIntegerField(_("ordinal de días hábiles"))

    class Meta:
        verbose_name = _("día del calendario")
        verbose_name_plural = _("días del calendario")
        ordering = ["fecha"]
        indexes = [
            # "The k-th business day" is one lookup. Not a unique constraint: regenerating
            # shifts the ordinals of a run of dates with one UPDATE, which PostgreSQL would
            # check row by row.
            models.Index(
                fields=["ordinal"], condition=models.Q(habil=True), name="plazos_dia_habil_ordinal"
            )
        ]

    def __str__(self):
        return f"{self.fecha:%Y-%m-%d} ({self.ordinal})"


class EstadoCalendario(models.Model):
    """The one row that says which calendar is in the table.

    `huella` digests what the calendar was computed from (the holidays package's version, the
    range, the admin-added days): when it no longer matches, the table is regenerated.
    `version` changes with every regeneration; each process compares it with the calendar it
    loaded in memory and reloads when they differ.
    """

    huella = models.CharField(_("huella"), max_length=64)
    version = models.CharField(_("versión"), max_length=32)
    regenerado_en = models.DateTimeField(_("regenerado en"))

    class Meta:
        verbose_name = _("estado del calendario")
        verbose_name_plural = _("estado del calendario")

    def __str__(self):
        return self.version
