from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificacionQuerySet(models.QuerySet):
    def de(self, usuario):
        return self.filter(destinatario=usuario)

    def no_leidas(self):
        return self.filter(leida_en__isnull=True)

    def marcar_leidas(self) -> int:
        """Mark the unread ones as read now; returns how many changed."""
        return self.no_leidas().update(leida_en=timezone.now())


class Notificacion(models.Model):
    """An in-app notice shown in the top-bar bell and in the user's list of notices."""

    destinatario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinatario"),
        on_delete=models.CASCADE,
        related_name="notificaciones",
    )
    titulo = models.CharField(_("título"), max_length=255)
    mensaje = models.TextField(_("mensaje"), blank=True)
    # A path inside the site ("/delegaciones/12/") rather than a URLField, which rejects paths.
    url = models.CharField(_("enlace"), max_length=500, blank=True)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("tipo de registro"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    object_id = models.PositiveBigIntegerField(_("id del registro"), null=True, blank=True)
    objeto = GenericForeignKey("content_type", "object_id")
    leida_en = models.DateTimeField(_("leída el"), null=True, blank=True)
    creada = models.DateTimeField(_("creada"), default=timezone.now, editable=False)

    objects = NotificacionQuerySet.as_manager()

    class Meta:
        verbose_name = _("notificación")
        verbose_name_plural = _("notificaciones")
        ordering = ["-creada", "-pk"]
        indexes = [
            # The bell's unread count.
            models.Index(fields=["destinatario", "leida_en"], name="avisos_notif_dest_leida"),
            # The bell's latest five and the paginated list.
            models.Index(fields=["destinatario", "-creada"], name="avisos_notif_dest_creada"),
        ]

    def __str__(self):
        return self.titulo

    @property
    def leida(self) -> bool:
        return self.leida_en is not None

    def marcar_leida(self) -> None:
        if self.leida_en is None:
            self.leida_en = timezone.now()
            self.save(update_fields=["leida_en"])


class RecordatorioQuerySet(models.QuerySet):
    def de_objeto(self, objeto):
        return self.filter(
            content_type=ContentType.objects.get_for_model(objeto), object_id=objeto.pk
        )

    def por_reenviar(self, ahora=None):
        """Pending rows whose next attempt is due (a lost enqueue, a retry after a failure)."""
        return self.filter(
            estado=Recordatorio.Estado.PENDIENTE, proximo_intento__lte=ahora or timezone.now()
        )

    def atascados(self, ahora=None):
        """Rows claimed by a worker that died (or hung) before finishing: their claim expired."""
        return self.filter(
            estado=Recordatorio.Estado.ENVIANDO, proximo_intento__lte=ahora or timezone.now()
        )


class Recordatorio(models.Model):
    """The reminder ledger: one row per (record, step, person), claimed before sending.

    The unique constraint is what makes a reminder go out at most once: two workers scanning
    at the same moment both try to insert the row and only one succeeds. The row then moves
    pendiente -> enviando (claimed by one worker with a conditional update) -> enviado, or back
    to pendiente with a later `proximo_intento` when the SMTP server refuses, and to fallido
    after AVISOS_REINTENTOS_MAXIMOS attempts, or to descartado when, by the time it is sent,
    the record says the step no longer applies (its `aviso_vigente(paso)` returns False).
    While a row is `enviando`, `proximo_intento` is when the claim expires, so a worker that
    died mid-send does not hold it forever.

    Every attempt sends the same Message-ID (`id_mensaje`, made once), so mail servers and
    readers can tell copies apart. `transmisiones` counts the attempts that handed the whole
    message to the SMTP server; one whose reply never came (a timeout, a dropped connection,
    a worker killed) may have been delivered, so such a row is retried once more, later,
    and never transmitted a third time (see `servicios.TRANSMISIONES_MAXIMAS`).
    """

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        ENVIANDO = "enviando", _("Enviando")
        ENVIADO = "enviado", _("Enviado")
        FALLIDO = "fallido", _("Fallido")
        DESCARTADO = "descartado", _("Descartado: ya no corresponde")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("tipo de registro"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("id del registro"))
    objeto = GenericForeignKey("content_type", "object_id")
    paso = models.CharField(
        _("paso"), max_length=100, help_text=_("Etapa del aviso, p. ej. «ficha_vence_hoy».")
    )
    destinatario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinatario"),
        on_delete=models.CASCADE,
        related_name="recordatorios",
    )
    plantilla = models.CharField(
        _("plantilla"),
        max_length=100,
        help_text=_("Nombre base de la plantilla de correo en templates/emails/."),
    )
    contexto = models.JSONField(_("contexto"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    url = models.CharField(_("enlace"), max_length=500, blank=True)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE
    )
    intentos = models.PositiveSmallIntegerField(_("intentos"), default=0)
    ultimo_error = models.TextField(_("último error"), blank=True)
    nota = models.CharField(_("nota"), max_length=255, blank=True)
    proximo_intento = models.DateTimeField(
        _("próximo intento"), null=True, blank=True, default=timezone.now
    )
    creado = models.DateTimeField(_("creado"), default=timezone.now, editable=False)
    enviado_en = models.DateTimeField(_("enviado el"), null=True, blank=True)
    id_mensaje = models.CharField(
        _("Message-ID"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("Identificador del correo, el mismo en cada intento de envío."),
    )
    transmisiones = models.PositiveSmallIntegerField(
        _("transmisiones"),
        default=0,
        help_text=_(
            "Veces que el mensaje completo llegó a transmitirse al servidor de correo. "
            "Si el servidor no confirmó la entrega, pudo haberlo recibido: se reintenta "
            "una sola vez más, con el mismo Message-ID."
        ),
    )

    objects = RecordatorioQuerySet.as_manager()

    class Meta:
        verbose_name = _("recordatorio")
        verbose_name_plural = _("recordatorios")
        ordering = ["-creado", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "paso", "destinatario"],
                name="avisos_recordatorio_unico_por_paso",
            )
        ]
        indexes = [
            # Due rows: pendiente past their next attempt, enviando past their claim.
            models.Index(fields=["estado", "proximo_intento"], name="avisos_record_estado_prox"),
            models.Index(fields=["destinatario", "-creado"], name="avisos_record_dest_creado"),
        ]

    def __str__(self):
        return f"{self.paso} ({self.get_estado_display()})"
