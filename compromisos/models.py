"""P005 Seguimiento a compromisos: meetings recorded live and the one board of commitments.

Every commitment of the system lands here, whatever produced it (a meeting, a delegation
ficha, a visit, a committee meeting): `compromisos.services.crear_compromisos` is the door the
other procedures use. State machines are explicit: `Reunion.TRANSICIONES` and
`Compromiso.TRANSICIONES` list what may follow what, and each transition is one method of
`services.py` that checks its guard and records who and when.
"""

import secrets
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import (
    AccesoQuerySet,
    ConAcceso,
    Politica,
    con_claves_en,
    roles_de,
    usuarios_con_rol,
)
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.consultas import DiaDelCalendario
from buengobierno.web.cifras import RecuerdaSuGrupo
from buengobierno.web.claves import EnLista
from buengobierno.web.etiquetas import EtiquetasRapidas

# Who follows commitments up: sees every one, verifies or returns what is reported fulfilled.
ROLES_SEGUIMIENTO = frozenset({Rol.DESPACHO, Rol.SECRETARIO})
# Roles that answer for the commitments of their organism or assigned to them.
ROLES_RESPONSABLES = frozenset(
    {Rol.DIRECTIVO, Rol.ENLACE, Rol.RELACIONES, Rol.JURIDICA, Rol.VIABILIZADOR}
)
# Who can ever update a commitment assigned to them: assigning one to anybody else (a
# read-only role, or no role at all) would leave it with nobody to answer for it.
ROLES_QUE_RESPONDEN = ROLES_SEGUIMIENTO | ROLES_RESPONSABLES


def puede_responder(usuario) -> bool:
    """Whether `usuario` can report progress on a commitment assigned to them."""
    return bool(usuario.is_active and roles_de(usuario) & ROLES_QUE_RESPONDEN)


def personas_que_responden():
    """The active people a commitment may be assigned to (see ROLES_QUE_RESPONDEN)."""
    return (
        usuarios_con_rol(*ROLES_QUE_RESPONDEN)
        .select_related("organismo")
        .order_by("first_name", "last_name", "username")
    )


# How long after a meeting's end its record still counts as made live (issue 11, item 12).
MARGEN_EN_VIVO = timedelta(hours=2)


class ErrorDeEstado(Exception):
    """A transition that the record's state, or the user's role, does not allow."""


class TipoReunion(models.Model):
    """Consejo de Gobierno, comité, mesa de trabajo…: admin-managed, seeded by a migration."""

    nombre = models.CharField(_("nombre"), max_length=120, unique=True)
    descripcion = models.CharField(_("descripción"), max_length=255, blank=True)
    numera_acta = models.BooleanField(
        _("numera sus actas"),
        default=False,
        help_text=_("Las actas de este tipo reciben un número consecutivo al cerrar la reunión."),
    )
    serie_acta = models.SlugField(
        _("serie de numeración del acta"),
        max_length=60,
        blank=True,
        help_text=_("Código de la serie consecutiva (Documentos › Series consecutivas)."),
    )
    activo = models.BooleanField(_("activo"), default=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=100)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tipo de reunión")
        verbose_name_plural = _("tipos de reunión")
        ordering = ["orden", "nombre"]
        constraints = [
            models.CheckConstraint(
                condition=Q(numera_acta=False) | ~Q(serie_acta=""),
                name="tipo_reunion_numerada_tiene_serie",
                violation_error_message=_("Un tipo que numera sus actas necesita una serie."),
            )
        ]

    def __str__(self):
        return self.nombre


class PoliticaReunion(Politica):
    """Attendees see the meeting; only the convening organism and its creator write it.

    The platform's Politica lets assigned users edit too; here an invited Directivo of another
    organism must read the acta, not rewrite it.
    """

    def puede_editar(self, usuario, objeto) -> bool:
        roles = roles_de(usuario)
        if roles & self.editan_propios and not roles & (self.editan_todo | {Rol.ADMINISTRADOR}):
            if not self.puede_ver(usuario, objeto):
                return False
            return objeto.creado_por_id == usuario.pk or (
                usuario.organismo_id is not None
                and objeto.organismo_convocante_id == usuario.organismo_id
            )
        return super().puede_editar(usuario, objeto)


class ReunionQuerySet(AccesoQuerySet):
    def abiertas(self):
        return self.exclude(estado=Reunion.Estado.CERRADA)


class Reunion(ConAcceso, EtiquetasRapidas, models.Model):
    class Estado(models.TextChoices):
        PROGRAMADA = "programada", _("Programada")
        EN_CURSO = "en_curso", _("En curso")
        CERRADA = "cerrada", _("Cerrada")

    TRANSICIONES = {
        Estado.PROGRAMADA: {Estado.EN_CURSO},
        Estado.EN_CURSO: {Estado.CERRADA},
        Estado.CERRADA: set(),
    }

    tipo = models.ForeignKey(
        TipoReunion, verbose_name=_("tipo"), on_delete=models.PROTECT, related_name="reuniones"
    )
    titulo = models.CharField(_("título"), max_length=200)
    inicio = models.DateTimeField(_("inicio"))
    fin = models.DateTimeField(_("fin"))
    lugar = models.CharField(_("lugar"), max_length=200, blank=True)
    enlace_virtual = models.URLField(_("enlace de la reunión virtual"), blank=True)
    organismo_convocante = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo convocante"),
        on_delete=models.PROTECT,
        related_name="reuniones_convocadas",
    )
    objetivo = models.TextField(_("objetivo"), blank=True)
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.PROGRAMADA
    )
    # Optimistic concurrency of the live page: every saved field bumps it, and `versiones`
    # keeps, per field, the version at which it last changed (see services.guardar_campo).
    version = models.PositiveIntegerField(_("versión"), default=0)
    versiones = models.JSONField(_("versiones por campo"), default=dict, blank=True)
    numero_acta = models.CharField(_("número del acta"), max_length=40, blank=True)
    # Who chairs and who takes the minutes sign the acta.
    preside = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("preside"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reuniones_presididas",
    )
    secretario_reunion = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("secretario(a) de la reunión"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reuniones_como_secretario",
        help_text=_("Quien elabora el acta."),
    )
    origen_descripcion = models.CharField(_("origen"), max_length=255, blank=True)
    origen_url = models.CharField(_("enlace al origen"), max_length=500, blank=True)
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("creada por"),
        on_delete=models.PROTECT,
        related_name="reuniones_creadas",
    )
    creado_en = models.DateTimeField(_("creada en"), default=timezone.now)
    iniciada_en = models.DateTimeField(_("iniciada en"), null=True, blank=True)
    cerrada_en = models.DateTimeField(_("cerrada en"), null=True, blank=True)
    # Policy 1 of the circular: the record is made DURING the meeting. The first and last
    # edit made while it was under way, and, at closing, whether every such edit fell
    # between its start and its end + MARGEN_EN_VIVO (None for meetings closed before).
    primera_edicion_en = models.DateTimeField(_("primera edición en curso"), null=True, blank=True)
    ultima_edicion_en = models.DateTimeField(_("última edición en curso"), null=True, blank=True)
    registrada_en_vivo = models.BooleanField(_("registrada en vivo"), null=True, blank=True)
    cerrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cerrada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reuniones_cerradas",
    )

    acceso = PoliticaReunion(
        ven_todo={Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA},
        editan_todo=ROLES_SEGUIMIENTO,
        organismo="organismo_convocante",
        asignados=("asistentes__usuario", "creado_por"),
        editan_propios=ROLES_RESPONSABLES,
    )
    objects = ReunionQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version", "versiones"])
    recordatorios = GenericRelation("avisos.Recordatorio")

    class Meta:
        verbose_name = _("reunión")
        verbose_name_plural = _("reuniones")
        ordering = ["-inicio"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fin__gte=models.F("inicio")),
                name="reunion_termina_despues_de_empezar",
                violation_error_message=_("La reunión no puede terminar antes de empezar."),
            ),
            models.CheckConstraint(
                condition=Q(estado="cerrada") | Q(numero_acta=""),
                name="reunion_solo_cerrada_tiene_numero_de_acta",
            ),
        ]
        indexes = [
            models.Index(fields=["estado", "inicio"]),
            models.Index(fields=["organismo_convocante", "estado"]),
            models.Index(fields=["inicio", "id"], name="reunion_lista"),  # newest first
            # The share recorded live per organism (indicators): an index-only scan of the
            # closed meetings instead of reading the table.
            models.Index(
                fields=["organismo_convocante", "registrada_en_vivo", "id"],
                condition=models.Q(estado="cerrada"),
                name="reunion_cerrada_en_vivo",
            ),
        ]

    def __str__(self):
        # The date in words: the name is read on the board, in e-mails and notices.
        return f"{self.titulo}, {fecha_larga(self.inicio)}"

    def get_absolute_url(self):
        return reverse("compromisos:reunion", args=[self.pk])

    def clean(self):
        if self.inicio and self.fin and self.fin < self.inicio:
            raise ValidationError({"fin": _("La reunión no puede terminar antes de empezar.")})

    @property
    def fecha(self) -> date:
        return timezone.localtime(self.inicio).date()

    @property
    def cerrada(self) -> bool:
        return self.estado == self.Estado.CERRADA

    def fue_registrada_en_vivo(self) -> bool:
        """Recorded live: edited while under way, and never after its end + MARGEN_EN_VIVO."""
        if self.primera_edicion_en is None:
            return False
        return self.ultima_edicion_en <= self.fin + MARGEN_EN_VIVO

    def admite_adjuntos(self) -> bool:
        """A closed meeting's acta is final: nothing more is attached to it."""
        return not self.cerrada

    @property
    def editable_en_vivo(self) -> bool:
        return self.estado != self.Estado.CERRADA

    def puede_pasar_a(self, estado) -> bool:
        return estado in self.TRANSICIONES[self.estado]

    def cambio_de(self, clave: str) -> tuple[int, int | None]:
        """(meeting version at which the live field `clave` last changed, who changed it);
        (0, None) when it never changed on the live page."""
        valor = self.versiones.get(clave)
        if not valor:
            return 0, None
        return int(valor[0]), valor[1]

    def version_de(self, clave: str) -> int:
        return self.cambio_de(clave)[0]


class PuntoOrden(models.Model):
    """One item of the agenda, with who presents it and what was said (written live)."""

    reunion = models.ForeignKey(
        Reunion, verbose_name=_("reunión"), on_delete=models.CASCADE, related_name="puntos"
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=1)
    titulo = models.CharField(_("tema"), max_length=255)
    presentador = models.CharField(_("presenta"), max_length=200, blank=True)
    desarrollo = models.TextField(_("desarrollo"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("punto del orden del día")
        verbose_name_plural = _("orden del día")
        ordering = ["reunion", "orden", "pk"]
        indexes = [models.Index(fields=["reunion", "orden"])]

    def __str__(self):
        return f"{self.orden}. {self.titulo}"


class Asistente(models.Model):
    """An internal user or an external person invited to a meeting, with their attendance.

    External people's personal data is collected only for the acta and the attendance sheet,
    after the notice of Ley 1581 de 2012 was given (aviso_datos_aceptado).
    """

    class Asistencia(models.TextChoices):
        CONVOCADO = "convocado", _("Convocado")
        ASISTIO = "asistio", _("Asistió")
        SE_EXCUSO = "se_excuso", _("Se excusó")

    reunion = models.ForeignKey(
        Reunion, verbose_name=_("reunión"), on_delete=models.CASCADE, related_name="asistentes"
    )
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="asistencias",
    )
    nombre = models.CharField(_("nombre"), max_length=200, blank=True)
    entidad = models.CharField(_("entidad"), max_length=200, blank=True)
    cargo = models.CharField(_("cargo"), max_length=150, blank=True)
    correo = models.EmailField(_("correo electrónico"), blank=True)
    aviso_datos_aceptado = models.BooleanField(
        _("recibió el aviso de tratamiento de datos personales"), default=False
    )
    asistencia = models.CharField(
        _("asistencia"), max_length=10, choices=Asistencia.choices, default=Asistencia.CONVOCADO
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("asistente")
        verbose_name_plural = _("asistentes")
        ordering = ["reunion", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(usuario__isnull=False) | (~Q(nombre="") & Q(aviso_datos_aceptado=True)),
                name="asistente_externo_con_nombre_y_aviso",
                violation_error_message=_(
                    "Un asistente externo necesita nombre y haber recibido el aviso de datos."
                ),
            ),
            models.UniqueConstraint(
                fields=["reunion", "usuario"],
                condition=Q(usuario__isnull=False),
                name="asistente_usuario_unico_por_reunion",
                violation_error_message=_("Esa persona ya está en la lista de asistentes."),
            ),
        ]

    def __str__(self):
        return self.nombre_mostrado

    @property
    def es_externo(self) -> bool:
        return self.usuario_id is None

    @property
    def nombre_mostrado(self) -> str:
        return str(self.usuario) if self.usuario_id else self.nombre

    @property
    def entidad_mostrada(self) -> str:
        if self.usuario_id:
            return str(self.usuario.organismo or "")
        return self.entidad

    @property
    def cargo_mostrado(self) -> str:
        return self.usuario.cargo if self.usuario_id else self.cargo


class Decision(models.Model):
    reunion = models.ForeignKey(
        Reunion, verbose_name=_("reunión"), on_delete=models.CASCADE, related_name="decisiones"
    )
    orden = models.PositiveSmallIntegerField(_("orden"), default=1)
    texto = models.TextField(_("decisión"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decisión")
        verbose_name_plural = _("decisiones")
        ordering = ["reunion", "orden", "pk"]

    def __str__(self):
        return self.texto[:80] or str(_("Decisión sin texto"))


class MetaEstrategica(models.Model):
    """A strategic goal or plan de desarrollo meta that commitments serve (admin-managed)."""

    codigo = models.CharField(_("código"), max_length=30, unique=True)
    nombre = models.CharField(_("nombre"), max_length=300)
    programa = models.CharField(_("programa"), max_length=300, blank=True)
    organismo_responsable = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo responsable"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="metas_estrategicas",
    )
    activa = models.BooleanField(_("activa"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meta estratégica")
        verbose_name_plural = _("metas estratégicas")
        ordering = ["codigo"]

    def __str__(self):
        return f"{self.codigo} {self.nombre}"


class TipoDeOrigen(models.Model):
    """A kind of record commitments came from (a meeting, a ficha, a visit…), noted the first
    time one arrives (services.crear_compromisos): the board's "tipo de origen" choices come
    from these few rows, never from a DISTINCT over every commitment."""

    content_type = models.OneToOneField(
        ContentType, verbose_name=_("tipo de registro"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("tipo de origen")
        verbose_name_plural = _("tipos de origen")

    def __str__(self):
        modelo = self.content_type.model_class()
        return str(modelo._meta.verbose_name_plural) if modelo else self.content_type.model


# (language, estado or "vencido") → label, filled as Compromiso.estado_mostrado asks.
_ETIQUETAS_DE_ESTADO: dict[tuple, str] = {}


class PoliticaCompromiso(Politica):
    """The platform's rule (one's organism's commitments, and those one answers for, shares
    or created), with the few keys of one's own outside the organism read first and handed
    to the primary key's index as a list. The organism's thousands are then a condition on
    its column that the boards' index (organismo, cerrado, fecha_limite) serves in order, not
    thousands of primary-key lookups behind a UNION on every page."""

    def filtrar(self, queryset, usuario):
        roles = roles_de(usuario)
        if not roles or self._ve_todo(roles) or not usuario.organismo_id:
            return super().filtrar(queryset, usuario)
        organismo = usuario.organismo_id
        fuera = Q(organismo_id__isnull=True) | ~Q(organismo_id=organismo)
        propios = set(
            Compromiso._base_manager.filter(fuera)
            .filter(Q(responsable=usuario) | Q(creado_por=usuario))
            .order_by()
            .values_list("pk", flat=True)
        )
        propios.update(
            Corresponsable.objects.filter(usuario=usuario)
            .order_by()
            .values_list("compromiso_id", flat=True)
        )
        return queryset.filter(Q(organismo_id=organismo) | Q(EnLista("pk", propios)))


class CompromisoQuerySet(AccesoQuerySet):
    def publicados(self):
        """Commitments on the board: drafts of a meeting still open are left out."""
        return self.exclude(estado=Compromiso.Estado.BORRADOR)

    def abiertos(self):
        # The stored column that says it (estado in ABIERTOS): the indexes that start with
        # it serve the filter and the boards' order at once.
        return self.filter(cerrado=0)

    def vencidos(self, hoy: date | None = None):
        hoy = hoy or timezone.localdate()
        return self.abiertos().filter(fecha_limite__lt=hoy)

    def cumplidos(self):
        return self.filter(estado__in=Compromiso.CUMPLIDOS)

    def de_persona(self, usuario):
        """Where the user is responsible or co-responsible (a UNION of keys, each part read
        from its own index)."""
        return self.filter(
            con_claves_en(
                Compromiso.objects.filter(responsable=usuario).order_by().values("pk"),
                Corresponsable.objects.filter(usuario=usuario).order_by().values("compromiso"),
            )
        )

    def para_tablero(self):
        """Everything a board row shows, in a fixed number of queries."""
        return self.select_related(
            "responsable", "organismo", "meta", "reunion", "origen_tipo"
        ).prefetch_related("corresponsables")


class Compromiso(ConAcceso, RecuerdaSuGrupo, EtiquetasRapidas, models.Model):
    class Estado(models.TextChoices):
        BORRADOR = "borrador", _("En reunión (borrador)")
        PENDIENTE = "pendiente", _("Pendiente")
        EN_PROGRESO = "en_progreso", _("En progreso")
        CUMPLIDO = "cumplido", _("Cumplido")
        VERIFICADO = "verificado", _("Verificado")
        CANCELADO = "cancelado", _("Cancelado")
        REPROGRAMADO = "reprogramado", _("Reprogramado")

    class Prioridad(models.TextChoices):
        BAJA = "baja", _("Baja")
        MEDIA = "media", _("Media")
        ALTA = "alta", _("Alta")

    ABIERTOS = (Estado.PENDIENTE, Estado.EN_PROGRESO, Estado.REPROGRAMADO)
    CUMPLIDOS = (Estado.CUMPLIDO, Estado.VERIFICADO)
    TRANSICIONES = {
        Estado.BORRADOR: {Estado.PENDIENTE},
        Estado.PENDIENTE: {
            Estado.EN_PROGRESO,
            Estado.CUMPLIDO,
            Estado.CANCELADO,
            Estado.REPROGRAMADO,
        },
        Estado.EN_PROGRESO: {Estado.CUMPLIDO, Estado.CANCELADO, Estado.REPROGRAMADO},
        Estado.REPROGRAMADO: {
            Estado.EN_PROGRESO,
            Estado.CUMPLIDO,
            Estado.CANCELADO,
            Estado.REPROGRAMADO,
        },
        # Returned by whoever follows it up: back to work.
        Estado.CUMPLIDO: {Estado.VERIFICADO, Estado.EN_PROGRESO},
        Estado.VERIFICADO: set(),
        Estado.CANCELADO: set(),
    }

    descripcion = models.TextField(_("descripción"))
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="compromisos",
    )
    # The responsible's organism when the commitment was assigned: it stays even if the
    # person later moves, so each organism's record of compliance does not shift.
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="compromisos",
    )
    # Owed by an outside entity (Policía, Gobernación, EMCALI…): then `responsable` is the
    # internal follow-up owner, who receives its reminders and reports its progress.
    externo_nombre = models.CharField(
        _("nombre de quien responde en la entidad externa"), max_length=150, blank=True
    )
    externo_entidad = models.CharField(_("entidad externa"), max_length=200, blank=True)
    externo_correo = models.EmailField(
        _("correo electrónico de la entidad externa"), max_length=254, blank=True
    )
    corresponsables = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corresponsables"),
        blank=True,
        through="Corresponsable",
        related_name="compromisos_corresponsable",
    )
    fecha_limite = models.DateField(_("fecha límite de cumplimiento"), null=True, blank=True)
    fecha_limite_original = models.DateField(
        _("fecha límite de cumplimiento original"), null=True, blank=True, editable=False
    )
    prioridad = models.CharField(
        _("prioridad"), max_length=5, choices=Prioridad.choices, default=Prioridad.MEDIA
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.PENDIENTE
    )
    meta = models.ForeignKey(
        MetaEstrategica,
        verbose_name=_("meta estratégica"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="compromisos",
    )
    # Where it came from: a meeting of this app or any record of another procedure.
    reunion = models.ForeignKey(
        Reunion,
        verbose_name=_("reunión"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="compromisos",
    )
    origen_tipo = models.ForeignKey(
        ContentType,
        verbose_name=_("tipo de origen"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    origen_id = models.PositiveBigIntegerField(_("registro de origen"), null=True, blank=True)
    origen = GenericForeignKey("origen_tipo", "origen_id")
    origen_descripcion = models.CharField(_("origen"), max_length=255, blank=True)
    origen_url = models.CharField(_("enlace al origen"), max_length=500, blank=True)
    avance = models.PositiveSmallIntegerField(_("avance (%)"), default=0)
    fecha_cumplimiento = models.DateField(_("fecha en que se cumplió"), null=True, blank=True)
    verificado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verificado por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="compromisos_verificados",
    )
    verificado_en = models.DateTimeField(_("verificado en"), null=True, blank=True)
    motivo_cancelacion = models.TextField(_("motivo de la cancelación"), blank=True)
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrado por"),
        on_delete=models.PROTECT,
        related_name="compromisos_registrados",
    )
    creado_en = models.DateTimeField(_("registrado en"), default=timezone.now)
    # 0 while open, 1 once closed: the boards' "open first" order, stored by the database
    # itself so that an index serves it (an ORDER BY CASE … cannot use one).
    cerrado = models.GeneratedField(
        expression=models.Case(
            models.When(estado__in=ABIERTOS, then=models.Value(0)), default=models.Value(1)
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
        verbose_name=_("cerrado"),
    )
    # What places it in CifrasDelMes (its organism and the month of its due date), as loaded,
    # so a save that moves it recounts the month it left too (compromisos.resumen).
    campos_del_grupo = ("organismo_id", "fecha_limite", "meta_id")
    # Joins to the business-day calendar for delays counted in SQL (no columns).
    dia_limite = DiaDelCalendario("fecha_limite")
    dia_cumplimiento = DiaDelCalendario("fecha_cumplimiento")

    acceso = PoliticaCompromiso(
        ven_todo={Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA},
        editan_todo=ROLES_SEGUIMIENTO,
        organismo="organismo",
        asignados=("responsable", "corresponsables", "creado_por"),
        editan_propios=ROLES_RESPONSABLES,
    )
    objects = CompromisoQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["cerrado"])
    recordatorios = GenericRelation(
        "avisos.Recordatorio", content_type_field="content_type", object_id_field="object_id"
    )

    class Meta:
        verbose_name = _("compromiso")
        verbose_name_plural = _("compromisos")
        ordering = ["fecha_limite", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(avance__gte=0) & Q(avance__lte=100),
                name="compromiso_avance_entre_0_y_100",
                violation_error_message=_("El avance debe estar entre 0 y 100 %."),
            ),
            models.CheckConstraint(
                condition=Q(estado="borrador")
                | (
                    Q(responsable__isnull=False)
                    & Q(fecha_limite__isnull=False)
                    & Q(fecha_limite_original__isnull=False)
                ),
                name="compromiso_publicado_tiene_responsable_y_fecha",
                violation_error_message=_(
                    "Un compromiso necesita responsable y fecha límite de cumplimiento."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(estado__in=["cumplido", "verificado"])
                | Q(fecha_cumplimiento__isnull=False),
                name="compromiso_cumplido_tiene_fecha_de_cumplimiento",
            ),
            models.CheckConstraint(
                condition=Q(externo_entidad="") | ~Q(externo_nombre=""),
                name="compromiso_externo_con_nombre",
                violation_error_message=_("Indique quién responde en la entidad externa."),
            ),
            models.CheckConstraint(
                condition=~Q(estado="cancelado") | ~Q(motivo_cancelacion=""),
                name="compromiso_cancelado_tiene_motivo",
                violation_error_message=_("Para cancelar un compromiso indique el motivo."),
            ),
            models.CheckConstraint(
                condition=Q(origen_tipo__isnull=True, origen_id__isnull=True)
                | Q(origen_tipo__isnull=False, origen_id__isnull=False),
                name="compromiso_origen_completo",
            ),
        ]
        indexes = [
            models.Index(fields=["estado", "fecha_limite"]),
            models.Index(fields=["origen_tipo", "origen_id"]),
            # The boards' order (open first, soonest first), alone and after each filter a
            # board offers, so a page reads its 25 rows in order from one index.
            models.Index(fields=["cerrado", "fecha_limite", "id"], name="compromiso_tablero"),
            models.Index(
                fields=["organismo", "cerrado", "fecha_limite", "id"],
                name="compromiso_tablero_organismo",
            ),
            models.Index(
                fields=["responsable", "cerrado", "fecha_limite", "id"],
                name="compromiso_tablero_persona",
            ),
            models.Index(
                fields=["prioridad", "cerrado", "fecha_limite", "id"],
                name="compromiso_tablero_prioridad",
            ),
            models.Index(fields=["fecha_limite"], name="compromiso_fecha_limite"),
            # What waits for verification on the desks, oldest first.
            models.Index(
                fields=["fecha_cumplimiento"],
                condition=Q(estado="cumplido"),
                name="compromiso_por_verificar",
            ),
        ]

    def __str__(self):
        texto = " ".join(self.descripcion.split())
        return texto if len(texto) <= 90 else texto[:89] + "…"

    def get_absolute_url(self):
        return reverse("compromisos:compromiso", args=[self.pk])

    @property
    def es_externo(self) -> bool:
        """Owed by an outside entity, followed up by `responsable`."""
        return bool(self.externo_entidad)

    @property
    def externo_mostrado(self) -> str:
        """'Policía Metropolitana de Cali (Cr. Juan Pérez)', or '' when owed in-house."""
        if not self.es_externo:
            return ""
        if self.externo_nombre:
            return f"{self.externo_entidad} ({self.externo_nombre})"
        return self.externo_entidad

    @property
    def abierto(self) -> bool:
        return self.estado in self.ABIERTOS

    def admite_adjuntos(self) -> bool:
        """Evidence is attached until the commitment is verified or cancelled (closed)."""
        return self.estado not in (self.Estado.VERIFICADO, self.Estado.CANCELADO)

    @property
    def vencido(self) -> bool:
        """Computed, never stored: open and past its due date."""
        return (
            self.abierto
            and self.fecha_limite is not None
            and self.fecha_limite < timezone.localdate()
        )

    @property
    def cumplido_a_tiempo(self) -> bool | None:
        """Fulfilled by the ORIGINAL due date (what compliance is measured against)."""
        if self.estado not in self.CUMPLIDOS or self.fecha_cumplimiento is None:
            return None
        return self.fecha_cumplimiento <= (self.fecha_limite_original or self.fecha_limite)

    @property
    def cumplido_en_plazo_reprogramado(self) -> bool:
        """Late against the original due date, but within the one the Despacho moved it to."""
        return self.cumplido_a_tiempo is False and self.fecha_cumplimiento <= self.fecha_limite

    @property
    def estado_mostrado(self) -> str:
        # The label of this one value, translated once per language and kept (boards and
        # exports ask for it on every row; get_estado_display translates every choice).
        clave = (get_language(), "vencido" if self.vencido else self.estado)
        if clave not in _ETIQUETAS_DE_ESTADO:
            _ETIQUETAS_DE_ESTADO[clave] = (
                str(_("Vencido")) if self.vencido else str(self.Estado(self.estado).label)
            )
        return _ETIQUETAS_DE_ESTADO[clave]

    @property
    def origen_mostrado(self) -> str:
        """Where it came from, as the board and the exports say it."""
        return self.origen_descripcion or str(_("Registrado a mano"))

    def puede_pasar_a(self, estado) -> bool:
        return estado in self.TRANSICIONES[self.estado]

    def aviso_vigente(self, paso: str) -> bool:
        """Whether reminder `paso` still applies (the platform asks right before sending): a
        due-date reminder only while the commitment is open with that same due date."""
        tipo, _separador, fecha = paso.partition(":")
        if tipo == "compromiso_asignado":
            return self.estado != self.Estado.CANCELADO
        return (
            self.abierto
            and self.fecha_limite is not None
            and fecha == f"{self.fecha_limite:%Y%m%d}"
        )

    def puede_seguir(self, usuario) -> bool:
        """Whoever follows commitments up, or registered this one: cancels, verifies, returns."""
        if not self.puede_editar(usuario):
            return False
        roles = roles_de(usuario)
        return bool(roles & (ROLES_SEGUIMIENTO | {Rol.ADMINISTRADOR})) or (
            usuario.pk == self.creado_por_id
        )

    def puede_mover_fecha(self, usuario) -> bool:
        """The due date is the Despacho's to move (or the convener's of its meeting), never
        its own responsible person's: they request a new date (issue 11, item 11)."""
        if usuario.pk == self.responsable_id or not self.puede_editar(usuario):
            return False
        if roles_de(usuario) & (ROLES_SEGUIMIENTO | {Rol.ADMINISTRADOR}):
            return True
        return self.reunion_id is not None and self.reunion.creado_por_id == usuario.pk

    def solicitud_pendiente(self):
        """The request for a new date waiting for a decision, if any."""
        return self.reprogramaciones.filter(estado=Reprogramacion.Estado.SOLICITADA).first()

    def puede_verificar(self, usuario) -> bool:
        """The follow-up verifies, never the responsible person themself."""
        return usuario.pk != self.responsable_id and self.puede_seguir(usuario)

    def acciones_para(self, usuario) -> list[str]:
        """The transitions this user may take now (names of the detail page's forms)."""
        if self.estado == self.Estado.BORRADOR or not self.puede_editar(usuario):
            return []
        acciones = []
        if self.abierto:
            acciones += ["avance", "cumplido"]
            if self.puede_seguir(usuario):
                acciones.append("meta")
            pendiente = self.solicitud_pendiente() is not None
            if self.puede_mover_fecha(usuario):
                acciones += (
                    ["aprobar_reprogramacion", "rechazar_reprogramacion"]
                    if pendiente
                    else ["reprogramar"]
                )
            elif not pendiente:
                acciones.append("solicitar_reprogramacion")
            if self.puede_seguir(usuario):
                acciones.append("cancelar")
        else:
            if self.estado == self.Estado.CUMPLIDO and self.puede_verificar(usuario):
                acciones += ["verificar", "devolver"]
            if self.estado != self.Estado.CANCELADO and self.puede_seguir(usuario):
                acciones.append("meta")  # the meta may be set right after the fact
        return acciones


class Corresponsable(models.Model):
    compromiso = models.ForeignKey(Compromiso, on_delete=models.CASCADE)
    usuario = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("usuario"), on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("corresponsable")
        verbose_name_plural = _("corresponsables")
        constraints = [
            models.UniqueConstraint(
                fields=["compromiso", "usuario"], name="corresponsable_unico_por_compromiso"
            )
        ]

    def __str__(self):
        return str(self.usuario)


class Reprogramacion(models.Model):
    """A moved due date: the old one and the justification stay on record.

    The responsible person requests it (SOLICITADA) and the Despacho or the meeting's convener
    approves or rejects it; the Despacho may also move the date directly (APROBADA at once).
    """

    class Estado(models.TextChoices):
        SOLICITADA = "solicitada", _("Solicitada, por resolver")
        APROBADA = "aprobada", _("Aprobada")
        RECHAZADA = "rechazada", _("Rechazada")

    compromiso = models.ForeignKey(
        Compromiso,
        verbose_name=_("compromiso"),
        on_delete=models.CASCADE,
        related_name="reprogramaciones",
    )
    fecha_anterior = models.DateField(_("fecha anterior"))
    fecha_nueva = models.DateField(_("nueva fecha"))
    justificacion = models.TextField(_("justificación"))
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("autor"), on_delete=models.PROTECT
    )
    fecha = models.DateTimeField(_("fecha"), default=timezone.now)
    estado = models.CharField(
        _("estado"), max_length=10, choices=Estado.choices, default=Estado.APROBADA
    )
    resuelta_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resuelta por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    resuelta_en = models.DateTimeField(_("resuelta en"), null=True, blank=True)
    observacion = models.TextField(_("observación de quien la resolvió"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reprogramación")
        verbose_name_plural = _("reprogramaciones")
        ordering = ["compromiso", "-fecha"]
        constraints = [
            models.UniqueConstraint(
                fields=["compromiso"],
                condition=Q(estado="solicitada"),
                name="reprogramacion_una_solicitud_pendiente",
                violation_error_message=_(
                    "Este compromiso ya tiene una solicitud de nueva fecha por resolver."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(estado="rechazada") | ~Q(observacion=""),
                name="reprogramacion_rechazada_con_motivo",
                violation_error_message=_("Explique por qué se rechaza la nueva fecha."),
            ),
            models.CheckConstraint(
                condition=~Q(justificacion=""),
                name="reprogramacion_justificada",
                violation_error_message=_("La reprogramación necesita una justificación."),
            ),
            models.CheckConstraint(
                condition=~Q(fecha_nueva=models.F("fecha_anterior")),
                name="reprogramacion_cambia_la_fecha",
            ),
        ]

    def __str__(self):
        return f"{self.fecha_anterior} → {self.fecha_nueva}"


class Avance(models.Model):
    """A progress note with its percentage and, optionally, evidence (an Adjunto of the
    commitment, so the download checks the commitment's access policy)."""

    class Tipo(models.TextChoices):
        AVANCE = "avance", _("Avance")
        CUMPLIMIENTO = "cumplimiento", _("Cumplimiento")
        VERIFICACION = "verificacion", _("Verificación")
        DEVOLUCION = "devolucion", _("Devolución")

    compromiso = models.ForeignKey(
        Compromiso, verbose_name=_("compromiso"), on_delete=models.CASCADE, related_name="avances"
    )
    tipo = models.CharField(_("tipo"), max_length=12, choices=Tipo.choices, default=Tipo.AVANCE)
    nota = models.TextField(_("nota"))
    porcentaje = models.PositiveSmallIntegerField(_("porcentaje de avance"))
    evidencia = models.ForeignKey(
        "documentos.Adjunto",
        verbose_name=_("evidencia"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("autor"), on_delete=models.PROTECT
    )
    fecha = models.DateTimeField(_("fecha"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("avance")
        verbose_name_plural = _("avances")
        ordering = ["compromiso", "-fecha", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(porcentaje__gte=0) & Q(porcentaje__lte=100),
                name="avance_porcentaje_entre_0_y_100",
                violation_error_message=_("El porcentaje debe estar entre 0 y 100."),
            ),
            models.CheckConstraint(condition=~Q(nota=""), name="avance_con_nota"),
        ]
        indexes = [models.Index(fields=["compromiso", "fecha"])]

    def __str__(self):
        return f"{self.porcentaje} % — {self.nota[:60]}"


def _nuevo_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarioPersonal(models.Model):
    """The secret token of a user's ICS feed of commitment due dates."""

    usuario = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("usuario"),
        on_delete=models.CASCADE,
        related_name="calendario_compromisos",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_nuevo_token)
    creado_en = models.DateTimeField(_("creado en"), default=timezone.now)

    class Meta:
        verbose_name = _("calendario personal")
        verbose_name_plural = _("calendarios personales")

    def __str__(self):
        return str(self.usuario)

    def regenerar(self) -> None:
        self.token = _nuevo_token()
        self.creado_en = timezone.now()
        self.save(update_fields=["token", "creado_en"])


class CifrasDelMes(models.Model):
    """The figures of the published commitments of one organism due in one month.

    Kept by `compromisos.resumen` as commitments are saved, so the indicators of whoever sees
    every commitment (Mi escritorio and the indicators page of the Despacho) add up a few
    thousand of these rows (31 organisms × 12 months a year) instead of counting 200,000
    commitments on each visit. Nothing in a row depends on today: what is overdue is the
    open ones of the months before this one (their business days of delay from
    `ordinales_abiertos`, the sum of the calendar ordinals of their due dates) plus this
    month's, counted at read time. Never edited by hand; rebuilt when the calendar changes.
    """

    organismo = models.ForeignKey(
        "organizacion.Organismo", on_delete=models.CASCADE, related_name="+"
    )
    mes = models.DateField(_("mes"), help_text=_("Su primer día."))
    total = models.PositiveIntegerField(default=0)
    abiertos = models.PositiveIntegerField(default=0)
    ordinales_abiertos = models.BigIntegerField(default=0)
    cumplidos = models.PositiveIntegerField(default=0)
    a_tiempo = models.PositiveIntegerField(default=0)
    tarde = models.PositiveIntegerField(default=0)
    # Late against the original due date, fulfilled within the one the Despacho moved it to.
    reprogramados = models.PositiveIntegerField(default=0)
    # Business days between the due date and the fulfilment, over the late ones.
    dias_tarde = models.IntegerField(default=0)
    cancelados = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("cifras de compromisos de un mes")
        verbose_name_plural = _("cifras de compromisos por mes")
        constraints = [
            models.UniqueConstraint(
                fields=["organismo", "mes"], name="cifras_una_por_organismo_y_mes"
            )
        ]
        indexes = [models.Index(fields=["mes"], name="cifras_por_mes")]

    def __str__(self):
        return f"{self.organismo_id} {self.mes:%Y-%m}: {self.total}"


class CifrasDeMeta(models.Model):
    """The same figures as CifrasDelMes, per meta of the plan de desarrollo and month of the
    due date, for the compliance per meta (issue 11, item 13). Only commitments that carry a
    meta; kept the same way (compromisos.resumen), never edited by hand."""

    meta = models.ForeignKey(MetaEstrategica, on_delete=models.CASCADE, related_name="+")
    mes = models.DateField(_("mes"), help_text=_("Su primer día."))
    total = models.PositiveIntegerField(default=0)
    abiertos = models.PositiveIntegerField(default=0)
    ordinales_abiertos = models.BigIntegerField(default=0)
    cumplidos = models.PositiveIntegerField(default=0)
    a_tiempo = models.PositiveIntegerField(default=0)
    tarde = models.PositiveIntegerField(default=0)
    reprogramados = models.PositiveIntegerField(default=0)
    dias_tarde = models.IntegerField(default=0)
    cancelados = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("cifras de compromisos de una meta")
        verbose_name_plural = _("cifras de compromisos por meta")
        constraints = [
            models.UniqueConstraint(fields=["meta", "mes"], name="cifras_una_por_meta_y_mes")
        ]

    def __str__(self):
        return f"{self.meta_id} {self.mes:%Y-%m}: {self.total}"
