"""P002: the Secretario de Gobierno's agenda, the requests for his presence and his ICS feed.

An `Actividad` is one entry of his agenda (a meeting, an event, a Consejo de Gobierno…); a
`SolicitudAgenda` is an organism asking for his presence, which the Despacho approves (it
becomes an activity), answers with another time, declines or delegates. A private activity
shows to the Secretario and his office (the Despacho) only; everybody else reads "Ocupado".
"""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buengobierno.documentos.formato import fecha_hora_larga, fecha_larga
from buengobierno.organizacion.acceso import AccesoQuerySet, ConAcceso, Politica, roles_de
from buengobierno.organizacion.roles import Rol

# The Secretario and his private office: they write the agenda and see its private entries.
ROLES_DESPACHO = frozenset({Rol.DESPACHO, Rol.SECRETARIO})
VEN_TODO = ROLES_DESPACHO | {Rol.CONSULTA}
# Who asks for his presence on behalf of an organism.
ROLES_SOLICITANTES = frozenset({Rol.DIRECTIVO, Rol.ENLACE, Rol.RELACIONES, Rol.JURIDICA})
# Business days a request may wait for an answer before the Despacho is reminded.
DIAS_HABILES_RESPUESTA = 3
# How long a P001 session the Secretario attends is taken to last (sessions have no end).
DURACION_SESION = timedelta(hours=2)
# How long an activity of a P008 visit's itinerary is taken to last (entries have no end).
DURACION_ACTIVIDAD_VISITA = timedelta(hours=1)


class ErrorDeEstado(Exception):
    """A step that the record's state does not allow (shown as a message, not a 500)."""


def ve_lo_privado(usuario) -> bool:
    return bool(roles_de(usuario) & (ROLES_DESPACHO | {Rol.ADMINISTRADOR}))


class PoliticaActividad(Politica):
    """The platform's policy, and a private activity only for the Secretario's office."""

    def filtrar(self, queryset, usuario):
        queryset = super().filtrar(queryset, usuario)
        if not ve_lo_privado(usuario):
            queryset = queryset.filter(privada=False)
        return queryset


class ActividadQuerySet(AccesoQuerySet):
    def entre(self, desde, hasta):
        """Activities that overlap [desde, hasta)."""
        return self.filter(inicio__lt=hasta, fin__gt=desde)

    def vigentes(self):
        return self.exclude(estado=Actividad.Estado.CANCELADA)


class Actividad(ConAcceso, models.Model):
    class Tipo(models.TextChoices):
        REUNION = "reunion", _("Reunión")
        EVENTO = "evento", _("Evento")
        VISITA = "visita", _("Visita")
        CONSEJO = "consejo", _("Consejo de Gobierno")
        CONCEJO = "concejo", _("Sesión del Concejo")
        JAL = "jal", _("Junta Administradora Local")
        MEDIOS = "medios", _("Medios")
        PERSONAL = "personal", _("Personal")

    class Estado(models.TextChoices):
        TENTATIVA = "tentativa", _("Tentativa")
        CONFIRMADA = "confirmada", _("Confirmada")
        CANCELADA = "cancelada", _("Cancelada")
        REALIZADA = "realizada", _("Realizada")

    class Participacion(models.TextChoices):
        PRESENCIAL = "presencial", _("Asiste el Secretario")
        DELEGADA = "delegada", _("Delegada")
        DECLINADA = "declinada", _("Declinada")

    TRANSICIONES = {
        Estado.TENTATIVA: {Estado.CONFIRMADA, Estado.CANCELADA},
        Estado.CONFIRMADA: {Estado.REALIZADA, Estado.CANCELADA, Estado.TENTATIVA},
        Estado.CANCELADA: set(),
        Estado.REALIZADA: set(),
    }

    titulo = models.CharField(_("título"), max_length=200)
    tipo = models.CharField(_("tipo"), max_length=12, choices=Tipo.choices, default=Tipo.REUNION)
    inicio = models.DateTimeField(_("inicio"))
    fin = models.DateTimeField(_("fin"))
    lugar = models.CharField(_("lugar"), max_length=200, blank=True)
    enlace_virtual = models.URLField(_("enlace de la reunión virtual"), blank=True)
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo que organiza"),
        on_delete=models.PROTECT,
        related_name="actividades_agenda",
    )
    contacto = models.CharField(
        _("contacto"), max_length=200, blank=True, help_text=_("Nombre, teléfono o correo.")
    )
    participantes = models.TextField(_("participantes"), blank=True)
    participacion = models.CharField(
        _("cómo participa el Secretario"),
        max_length=12,
        choices=Participacion.choices,
        default=Participacion.PRESENCIAL,
    )
    motivo_declinacion = models.TextField(_("motivo por el que se declina"), blank=True)
    delegacion = models.OneToOneField(
        "delegaciones.Delegacion",
        verbose_name=_("delegación (P001)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actividad_agenda",
    )
    notas = models.TextField(_("notas de preparación"), blank=True)
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.TENTATIVA
    )
    privada = models.BooleanField(
        _("privada"),
        default=False,
        help_text=_("Solo la ven el Secretario y su despacho; los demás leen «Ocupado»."),
    )
    reunion = models.OneToOneField(
        "compromisos.Reunion",
        verbose_name=_("reunión (P005)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actividad_agenda",
    )
    motivo_cancelacion = models.TextField(_("motivo de la cancelación"), blank=True)
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.PROTECT,
        related_name="actividades_registradas",
    )
    creado_en = models.DateTimeField(_("registrada en"), default=timezone.now)

    acceso = PoliticaActividad(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_DESPACHO,
        organismo="organismo",
        asignados=("creado_por",),
    )
    objects = ActividadQuerySet.as_manager()
    history = HistoricalRecords()
    recordatorios = GenericRelation("avisos.Recordatorio")

    class Meta:
        verbose_name = _("actividad")
        verbose_name_plural = _("actividades")
        ordering = ["inicio", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fin__gte=models.F("inicio")),
                name="actividad_termina_despues_de_empezar",
                violation_error_message=_("La actividad no puede terminar antes de empezar."),
            ),
            models.CheckConstraint(
                condition=~Q(participacion="declinada") | ~Q(motivo_declinacion=""),
                name="actividad_declinada_con_motivo",
                violation_error_message=_("Escriba por qué se declina."),
            ),
        ]
        indexes = [
            models.Index(fields=["inicio", "id"], name="actividad_por_inicio"),
            # The calendars ask what overlaps a day, week or month (inicio < end of the period
            # AND fin > its start): of eight years, only what ends after the period starts.
            models.Index(fields=["fin", "inicio"], name="actividad_por_fin"),
            models.Index(fields=["estado", "inicio"], name="actividad_por_estado"),
            models.Index(fields=["organismo", "inicio"], name="actividad_por_organismo"),
            models.Index(fields=["tipo", "inicio"], name="actividad_por_tipo"),
        ]

    def __str__(self):
        return f"{self.titulo}, {fecha_larga(self.inicio)}"

    def get_absolute_url(self):
        return reverse("agenda:actividad", args=[self.pk])

    def clean(self):
        if self.inicio and self.fin and self.fin < self.inicio:
            raise ValidationError({"fin": _("La actividad no puede terminar antes de empezar.")})

    @property
    def fecha(self) -> date:
        return timezone.localtime(self.inicio).date()

    def puede_pasar_a(self, estado) -> bool:
        return estado in self.TRANSICIONES[self.estado]

    @property
    def abre_reunion(self) -> bool:
        """A meeting or a Consejo de Gobierno opens its P005 meeting (policy 1)."""
        return self.tipo in (self.Tipo.REUNION, self.Tipo.CONSEJO)

    def aviso_vigente(self, paso: str) -> bool:
        if self.estado in (self.Estado.CANCELADA, self.Estado.REALIZADA):
            return False
        if paso.startswith("sin_preparacion"):
            return not self.notas.strip()
        return True


class SolicitudAgenda(ConAcceso, models.Model):
    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente de respuesta")
        OTRA_FECHA = "otra_fecha", _("Otra fecha propuesta")
        APROBADA = "aprobada", _("Aprobada")
        DECLINADA = "declinada", _("Declinada")
        DELEGADA = "delegada", _("Delegada")

    ABIERTAS = (Estado.PENDIENTE, Estado.OTRA_FECHA)

    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo que solicita"),
        on_delete=models.PROTECT,
        related_name="solicitudes_agenda",
    )
    solicitante = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("solicitante"),
        on_delete=models.PROTECT,
        related_name="solicitudes_agenda",
    )
    tema = models.CharField(_("tema"), max_length=200)
    tipo = models.CharField(
        _("tipo de actividad"),
        max_length=12,
        choices=Actividad.Tipo.choices,
        default=Actividad.Tipo.REUNION,
    )
    fecha_propuesta = models.DateTimeField(_("fecha y hora propuesta"))
    fecha_alterna = models.DateTimeField(_("otra fecha posible"), null=True, blank=True)
    duracion_minutos = models.PositiveSmallIntegerField(
        _("duración (minutos)"), default=60, help_text=_("Entre 15 y 720 minutos.")
    )
    lugar = models.CharField(_("lugar"), max_length=200, blank=True)
    justificacion = models.TextField(_("justificación"))
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.PENDIENTE
    )
    fecha_limite_respuesta = models.DateField(
        _("responder a más tardar"),
        help_text=_("%(n)s días hábiles después de recibida.") % {"n": DIAS_HABILES_RESPUESTA},
    )
    fecha_contrapropuesta = models.DateTimeField(
        _("fecha propuesta por el Despacho"), null=True, blank=True
    )
    respuesta = models.TextField(_("respuesta del Despacho"), blank=True)
    actividad = models.OneToOneField(
        Actividad,
        verbose_name=_("actividad"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="solicitud",
    )
    resuelta_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondida por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="solicitudes_agenda_resueltas",
    )
    resuelta_en = models.DateTimeField(_("respondida en"), null=True, blank=True)
    creado_en = models.DateTimeField(_("recibida en"), default=timezone.now)

    acceso = Politica(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_DESPACHO,
        organismo="organismo",
        asignados=("solicitante",),
        editan_propios=ROLES_SOLICITANTES,
    )
    objects = AccesoQuerySet.as_manager()
    history = HistoricalRecords()
    recordatorios = GenericRelation("avisos.Recordatorio")

    class Meta:
        verbose_name = _("solicitud de agenda")
        verbose_name_plural = _("solicitudes de agenda")
        ordering = ["-creado_en", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(estado="aprobada") | Q(actividad__isnull=False),
                name="solicitud_aprobada_tiene_actividad",
            ),
            models.CheckConstraint(
                condition=~Q(estado__in=["declinada", "delegada"]) | ~Q(respuesta=""),
                name="solicitud_declinada_con_respuesta",
            ),
            models.CheckConstraint(
                condition=Q(duracion_minutos__gte=15) & Q(duracion_minutos__lte=720),
                name="solicitud_duracion_razonable",
            ),
        ]
        indexes = [
            models.Index(fields=["creado_en", "id"], name="solicitud_por_fecha"),
            models.Index(fields=["estado", "fecha_limite_respuesta"], name="solicitud_por_estado"),
            models.Index(fields=["organismo", "creado_en"], name="solicitud_por_organismo"),
        ]

    def __str__(self):
        return _("%(tema)s, solicitada para el %(fecha)s") % {
            "tema": self.tema,
            "fecha": fecha_hora_larga(self.fecha_propuesta),
        }

    def get_absolute_url(self):
        return reverse("agenda:solicitud", args=[self.pk])

    @property
    def abierta(self) -> bool:
        return self.estado in self.ABIERTAS

    def aviso_vigente(self, paso: str) -> bool:
        if paso.startswith("sin_respuesta"):
            return self.estado == self.Estado.PENDIENTE
        return True


def _nuevo_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarioAgenda(models.Model):
    """The secret token of a user's ICS feed of the Secretario's agenda; revoking deletes it."""

    usuario = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.CASCADE,
        related_name="calendario_agenda",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_nuevo_token)
    creado_en = models.DateTimeField(_("creado en"), default=timezone.now)

    class Meta:
        verbose_name = _("calendario de la agenda")
        verbose_name_plural = _("calendarios de la agenda")

    def __str__(self):
        return str(self.usuario)
