"""P008 Misiones diplomáticas: every incoming international visit, recorded on the Ficha de
visita internacional (MEDE01.09.P008.F001) — delegation, itinerary, protocol and logistics
checklist, results, commitments (P005) and possible alliances (P006).

A visit may be marked «reservada» (Ley 1712 de 2014, art. 19: information whose disclosure
could harm the country's international relations). Then only the Oficina de Relaciones y
Cooperación (its role, or people of the visit's organism), the Despacho (the Despacho de
Gobierno and the Secretario) and the people named on the visit see it: for everyone else it
does not exist — 404, absent from lists, counts, exports, search and the names of anything
it produced (its `__str__` says only «Visita internacional reservada»).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import (
    AccesoQuerySet,
    ConAcceso,
    Politica,
    _ids,
    con_claves_en,
    es_solo_lectura,
    roles_de,
)
from buengobierno.organizacion.roles import Rol
from cooperacion.catalogos import PAISES

# Who sees every visit, reserved ones included.
ROLES_RESERVA = frozenset({Rol.RELACIONES, Rol.DESPACHO, Rol.SECRETARIO})
# Who sees every visit that is not reserved (Control Interno, the platform's admins).
ROLES_LECTURA_PUBLICA = frozenset({Rol.CONSULTA, Rol.ADMINISTRADOR})
ROLES_EDITAN = frozenset({Rol.RELACIONES})


class PoliticaVisita(Politica):
    """The platform's rule plus the «reservada» mark (see the module's docstring).

    The platform gives Administrador every record; here an administrator without one of the
    roles of ROLES_RESERVA sees reserved visits only when named on them, like anybody else.
    """

    def filtrar(self, queryset, usuario):
        roles = roles_de(usuario)
        if not roles:
            return queryset.none()
        if roles & ROLES_RESERVA:
            return queryset
        partes = [_ids(queryset.model, ruta, valor) for ruta, valor in self._buscadas(usuario)]
        propias = con_claves_en(*partes) if partes else Q(pk__in=[])
        if roles & ROLES_LECTURA_PUBLICA:
            return queryset.filter(Q(reservada=False) | propias)
        return queryset.filter(propias)

    def puede_editar(self, usuario, objeto) -> bool:
        roles = roles_de(usuario)
        if es_solo_lectura(usuario) or not roles & self.editan_todo:
            return False
        return self.puede_ver(usuario, objeto)

    def puede_crear(self, usuario) -> bool:
        return bool(roles_de(usuario) & self.editan_todo)


class VisitaQuerySet(AccesoQuerySet):
    def proximas(self, hoy):
        return self.filter(estado=VisitaInternacional.Estado.PROGRAMADA, llegada__date__gte=hoy)


class VisitaInternacional(ConAcceso, models.Model):
    class Tipo(models.TextChoices):
        DIPLOMATICA = "diplomatica", _("Diplomática")
        MINISTERIAL = "ministerial", _("Ministerial")
        TECNICA = "tecnica", _("Técnica")
        AGENCIA = "agencia", _("Agencia de cooperación")

    class Nivel(models.TextChoices):
        JEFE_ESTADO = "jefe_estado", _("Jefe de Estado o de Gobierno")
        MINISTRO = "ministro", _("Ministro o viceministro")
        EMBAJADOR = "embajador", _("Embajador o cónsul")
        ALCALDE = "alcalde", _("Alcalde o autoridad local")
        DIRECTIVO = "directivo", _("Directivo de agencia u organismo")
        TECNICO = "tecnico", _("Técnico")

    class Estado(models.TextChoices):
        PROGRAMADA = "programada", _("Programada")
        REALIZADA = "realizada", _("Realizada, con resultados")
        CANCELADA = "cancelada", _("Cancelada")

    tipo = models.CharField(_("tipo de visita"), max_length=12, choices=Tipo.choices)
    pais = models.CharField(_("país"), max_length=2, choices=PAISES)
    institucion = models.CharField(_("institución que visita"), max_length=200)
    cooperante = models.ForeignKey(
        "cooperacion_alianzas.Cooperante",
        verbose_name=_("cooperante"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visitas",
    )
    nivel = models.CharField(_("nivel de la delegación"), max_length=12, choices=Nivel.choices)
    llegada = models.DateTimeField(_("llegada"))
    salida = models.DateTimeField(_("salida"))
    proposito = models.TextField(_("propósito"))
    temas = models.TextField(_("temas"), blank=True)
    coordinacion_privada = models.TextField(
        _("coordinación con la Secretaría Privada"),
        blank=True,
        help_text=_("Con quién se coordinó, qué se acordó sobre la agenda del Alcalde."),
    )
    reservada = models.BooleanField(
        _("reservada (Ley 1712 de 2014, art. 19)"),
        default=False,
        help_text=_(
            "Solo la ven la Oficina de Relaciones y Cooperación, el Despacho y las personas "
            "nombradas en la visita."
        ),
    )
    motivo_reserva = models.CharField(_("fundamento de la reserva"), max_length=255, blank=True)
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo que la atiende"),
        on_delete=models.PROTECT,
        related_name="visitas_internacionales",
    )
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable de la visita"),
        on_delete=models.PROTECT,
        related_name="visitas_a_cargo",
    )
    acompanantes = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("funcionarios que acompañan"),
        blank=True,
        related_name="visitas_acompanadas",
    )
    alianza = models.ForeignKey(
        "cooperacion_alianzas.Alianza",
        verbose_name=_("posible alianza"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visitas",
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.PROGRAMADA
    )
    resultados = models.TextField(_("resultados"), blank=True)
    resultados_en = models.DateTimeField(_("resultados registrados en"), null=True, blank=True)
    # Results are owed five business days (a working week) after the departure; recomputed
    # when an admin changes a non-working day (services.recalcular_plazos).
    fecha_limite_resultados = models.DateField(_("fecha límite de los resultados"))
    motivo_cancelacion = models.TextField(_("motivo de la cancelación"), blank=True)
    reuniones = models.ManyToManyField(
        "compromisos.Reunion", verbose_name=_("reuniones"), blank=True, related_name="visitas"
    )
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.PROTECT,
        related_name="visitas_registradas",
    )
    creado_en = models.DateTimeField(_("registrada en"), default=timezone.now)

    acceso = PoliticaVisita(
        ven_todo=ROLES_RESERVA | ROLES_LECTURA_PUBLICA,
        editan_todo=ROLES_EDITAN,
        organismo="organismo",
        asignados=(
            "responsable",
            "creado_por",
            "acompanantes",
            "actividades__anfitrion",
            "items__responsable",
        ),
    )
    objects = VisitaQuerySet.as_manager()
    history = HistoricalRecords()
    recordatorios = GenericRelation("avisos.Recordatorio")

    class Meta:
        verbose_name = _("visita internacional")
        verbose_name_plural = _("visitas internacionales")
        ordering = ["-llegada", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(salida__gte=models.F("llegada")),
                name="visita_sale_despues_de_llegar",
                violation_error_message=_("La salida no puede ser anterior a la llegada."),
            ),
            models.CheckConstraint(
                condition=Q(reservada=False) | ~Q(motivo_reserva=""),
                name="visita_reservada_con_fundamento",
                violation_error_message=_("Indique el fundamento de la reserva."),
            ),
            models.CheckConstraint(
                condition=~Q(estado="realizada") | ~Q(resultados=""),
                name="visita_realizada_con_resultados",
            ),
            models.CheckConstraint(
                condition=~Q(estado="cancelada") | ~Q(motivo_cancelacion=""),
                name="visita_cancelada_con_motivo",
            ),
        ]
        indexes = [
            models.Index(fields=["llegada", "id"], name="visita_lista"),
            models.Index(fields=["estado", "llegada"], name="visita_estado"),
            models.Index(fields=["pais", "llegada"], name="visita_pais"),
            models.Index(fields=["tipo", "llegada"], name="visita_tipo"),
            models.Index(fields=["organismo", "llegada"], name="visita_organismo"),
            models.Index(
                fields=["fecha_limite_resultados"],
                condition=Q(estado="programada"),
                name="visita_resultados_pendientes",
            ),
        ]

    def __str__(self):
        if self.reservada:
            return _("Visita internacional reservada, %(fecha)s") % {
                "fecha": fecha_larga(self.llegada)
            }
        return _("Visita de %(institucion)s, %(fecha)s") % {
            "institucion": self.institucion,
            "fecha": fecha_larga(self.llegada),
        }

    def get_absolute_url(self):
        return reverse("cooperacion_misiones:visita", args=[self.pk])

    @property
    def titulo(self) -> str:
        """The visit's full name, for pages already past the access check."""
        return _("Visita de %(institucion)s") % {"institucion": self.institucion}

    def aviso_vigente(self, paso: str) -> bool:
        return self.estado == self.Estado.PROGRAMADA

    def admite_adjuntos(self) -> bool:
        return self.estado != self.Estado.CANCELADA


class MiembroDelegacion(models.Model):
    """A member of the visiting delegation. Personal data (Ley 1581 de 2012): name, post and
    institution only, for the protocol of the visit."""

    visita = models.ForeignKey(
        VisitaInternacional,
        verbose_name=_("visita"),
        on_delete=models.CASCADE,
        related_name="miembros",
    )
    nombre = models.CharField(_("nombre"), max_length=150)
    cargo = models.CharField(_("cargo"), max_length=150)
    institucion = models.CharField(_("institución"), max_length=200, blank=True)
    es_jefe = models.BooleanField(_("jefe de la delegación"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("miembro de la delegación")
        verbose_name_plural = _("miembros de la delegación")
        ordering = ["-es_jefe", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["visita"],
                condition=Q(es_jefe=True),
                name="visita_un_jefe_de_delegacion",
                violation_error_message=_("La delegación ya tiene jefe."),
            )
        ]

    def __str__(self):
        return f"{self.nombre}, {self.cargo}"


class ActividadItinerario(models.Model):
    visita = models.ForeignKey(
        VisitaInternacional,
        verbose_name=_("visita"),
        on_delete=models.CASCADE,
        related_name="actividades",
    )
    inicio = models.DateTimeField(_("fecha y hora"))
    actividad = models.CharField(_("actividad"), max_length=255)
    lugar = models.CharField(_("lugar"), max_length=200)
    anfitrion = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("funcionario anfitrión"),
        on_delete=models.PROTECT,
        related_name="actividades_de_visitas",
    )
    participa_secretario = models.BooleanField(
        _("participa el Secretario de Gobierno"), default=False
    )
    # The Secretario's agenda entry (P002) while he takes part: kept in step by
    # agenda.services.registrar_actividad_de_visita.
    actividad_agenda = models.OneToOneField(
        "agenda.Actividad",
        verbose_name=_("actividad en la agenda del Secretario"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="itinerario_de_visita",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actividad del itinerario")
        verbose_name_plural = _("itinerario")
        ordering = ["inicio", "pk"]
        indexes = [models.Index(fields=["visita", "inicio"], name="itinerario_visita")]

    def __str__(self):
        return f"{self.actividad} ({fecha_larga(self.inicio)})"


class ItemProtocolo(models.Model):
    class Tipo(models.TextChoices):
        INTERPRETE = "interprete", _("Intérprete")
        TRANSPORTE = "transporte", _("Transporte")
        SEGURIDAD = "seguridad", _("Seguridad")
        OBSEQUIO = "obsequio", _("Obsequio protocolario")
        PRENSA = "prensa", _("Prensa y comunicaciones")
        BANDERAS = "banderas", _("Banderas")
        ALOJAMIENTO = "alojamiento", _("Alojamiento")
        SALON = "salon", _("Salón y montaje")
        OTRO = "otro", _("Otro")

    class Estado(models.TextChoices):
        PENDIENTE = "pendiente", _("Pendiente")
        EN_CURSO = "en_curso", _("En curso")
        LISTO = "listo", _("Listo")
        NO_APLICA = "no_aplica", _("No aplica")

    ABIERTOS = (Estado.PENDIENTE, Estado.EN_CURSO)

    visita = models.ForeignKey(
        VisitaInternacional,
        verbose_name=_("visita"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    tipo = models.CharField(_("aspecto"), max_length=12, choices=Tipo.choices)
    descripcion = models.CharField(_("detalle"), max_length=255, blank=True)
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.PROTECT,
        related_name="items_de_protocolo",
    )
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.PENDIENTE
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aspecto de protocolo y logística")
        verbose_name_plural = _("protocolo y logística")
        ordering = ["tipo", "pk"]
        indexes = [models.Index(fields=["visita", "estado"], name="protocolo_visita")]

    def __str__(self):
        return f"{self.get_tipo_display()}: {self.get_estado_display()}"

    @property
    def abierto(self) -> bool:
        return self.estado in self.ABIERTOS
