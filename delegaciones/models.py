"""P001 Gestión de delegaciones del alcalde a instancias.

An Instancia (junta, consejo, comité…) where the Alcalde has a seat meets in Sesiones; for a
session the Alcalde or the Secretario de Gobierno attends or delegates someone (Delegacion),
with written instructions and the position the Administration holds. After the session the
delegate sends the Ficha técnica de delegación (MEDE01.09.P001.F001) within three business
days (operating policy 3); its commitments become P005 commitments.

`Delegacion.TRANSICIONES` lists what may follow what; each transition is one function of
`services.py` that checks its guard and records who and when.
"""

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.db.models.lookups import LessThan
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buengobierno.documentos.formato import fecha_hora_larga, fecha_larga
from buengobierno.organizacion.acceso import AccesoQuerySet, ConAcceso, Politica, roles_de
from buengobierno.organizacion.roles import Rol
from buengobierno.web.cifras import RecuerdaSuGrupo
from buengobierno.web.claves import EnLista
from buengobierno.web.etiquetas import EtiquetasRapidas

# Who coordinates delegations: sees and edits every one.
ROLES_COORDINACION = frozenset({Rol.DESPACHO, Rol.SECRETARIO})
VEN_TODO = frozenset({Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA})
# Delegates and their organism's staff: accept, fill and send the ficha.
ROLES_DELEGADOS = frozenset({Rol.DIRECTIVO, Rol.ENLACE, Rol.RELACIONES, Rol.JURIDICA})
# Who may be delegated: whoever can accept, reject, fill and send the ficha (the delegates'
# roles, and the coordination, who edit every delegation). Anyone else would be a dead end.
PUEDEN_SER_DELEGADOS = ROLES_DELEGADOS | ROLES_COORDINACION
# Business days the delegate has to send the ficha after the session (circular, policy 3).
DIAS_HABILES_FICHA = 3


class Delegante(models.TextChoices):
    """Who delegates: the Alcalde, or the Secretario de Gobierno."""

    ALCALDE = "alcalde", _("El Alcalde")
    SECRETARIO = "secretario", _("El Secretario de Gobierno")


class ErrorDeEstado(Exception):
    """A transition that the delegation's state, its session's date or the user do not allow."""


def _sesiones_delegadas(usuario) -> list:
    """The sessions the user was delegated to (their own delegations: a few hundred at most
    over years), read from the delegations' index on the delegate."""
    return list(
        Delegacion._base_manager.filter(delegado=usuario)
        .order_by()
        .values_list("sesion_id", flat=True)
    )


def _instancias_del_organismo(usuario) -> list:
    if not usuario.organismo_id:
        return []
    return list(
        Instancia._base_manager.filter(organismo_id=usuario.organismo_id)
        .order_by()
        .values_list("pk", flat=True)
    )


class PoliticaSesion(Politica):
    """The platform's rule (the sessions of the instancias of one's organism, and of one's
    delegations), with the keys read first: the organism's few instancias and the person's
    own delegations go to the sessions' indexes as lists, so PostgreSQL reads the sessions
    from their indexes instead of hashing all of them against a subquery on every page."""

    def filtrar(self, queryset, usuario):
        roles = roles_de(usuario)
        if not roles or self._ve_todo(roles):
            return super().filtrar(queryset, usuario)
        return queryset.filter(
            Q(EnLista("instancia_id", _instancias_del_organismo(usuario)))
            | Q(EnLista("pk", _sesiones_delegadas(usuario)))
        )


class PoliticaInstancia(Politica):
    """The platform's rule for instancias (one's organism's, those one usually attends, those
    of one's delegations), with the instancias of one's delegations read first from their
    sessions' primary keys rather than by hashing every session."""

    def filtrar(self, queryset, usuario):
        roles = roles_de(usuario)
        if not roles or self._ve_todo(roles):
            return super().filtrar(queryset, usuario)
        de_mis_sesiones = (
            Sesion._base_manager.filter(EnLista("pk", _sesiones_delegadas(usuario)))
            .order_by()
            .values("instancia_id")
        )
        propias = Q(delegado_habitual=usuario) | Q(pk__in=de_mis_sesiones)
        if usuario.organismo_id:
            propias |= Q(organismo_id=usuario.organismo_id)
        return queryset.filter(propias)


class Instancia(ConAcceso, EtiquetasRapidas, models.Model):
    class Tipo(models.TextChoices):
        JUNTA_DIRECTIVA = "junta_directiva", _("Junta directiva")
        CONSEJO = "consejo", _("Consejo")
        COMITE = "comite", _("Comité")
        COMISION = "comision", _("Comisión")
        MESA = "mesa", _("Mesa")
        ASAMBLEA = "asamblea", _("Asamblea")
        OTRA = "otra", _("Otra")

    class Periodicidad(models.TextChoices):
        SEMANAL = "semanal", _("Semanal")
        MENSUAL = "mensual", _("Mensual")
        BIMESTRAL = "bimestral", _("Bimestral")
        TRIMESTRAL = "trimestral", _("Trimestral")
        SEMESTRAL = "semestral", _("Semestral")
        ANUAL = "anual", _("Anual")
        A_DEMANDA = "a_demanda", _("Cuando se convoque")

    nombre = models.CharField(_("nombre"), max_length=200, unique=True)
    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices)
    entidad_convocante = models.CharField(_("entidad que convoca"), max_length=200)
    norma = models.CharField(
        _("norma que la crea"),
        max_length=300,
        help_text=_("Por ejemplo: Acuerdo 0373 de 2014, artículo 12."),
    )
    asiento_alcalde = models.TextField(
        _("asiento del Alcalde"),
        blank=True,
        help_text=_("Qué dice la norma sobre la participación del Alcalde (o su delegado)."),
    )
    periodicidad = models.CharField(_("periodicidad"), max_length=12, choices=Periodicidad.choices)
    secretaria_tecnica = models.CharField(_("secretaría técnica"), max_length=200, blank=True)
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo del tema"),
        on_delete=models.PROTECT,
        related_name="instancias",
    )
    delegado_habitual = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delegado habitual"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="instancias_delegado",
        help_text=_("Se sugiere al delegar; los anteriores quedan en el historial."),
    )
    activa = models.BooleanField(_("activa"), default=True)
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.PROTECT,
        related_name="instancias_registradas",
    )
    creado_en = models.DateTimeField(_("registrada en"), default=timezone.now)

    acceso = PoliticaInstancia(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION,
        organismo="organismo",
        asignados=("delegado_habitual", "sesiones__delegaciones__delegado"),
    )
    objects = AccesoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instancia")
        verbose_name_plural = _("instancias")
        ordering = ["nombre"]
        indexes = [models.Index(fields=["activa", "nombre"])]

    def __str__(self):
        return self.nombre

    def get_absolute_url(self):
        return reverse("delegaciones:instancia", args=[self.pk])


class SesionQuerySet(AccesoQuerySet):
    def proximas(self, desde=None):
        return self.filter(inicio__gte=desde or timezone.now()).order_by("inicio", "pk")


class Sesion(ConAcceso, RecuerdaSuGrupo, EtiquetasRapidas, models.Model):
    class Asistencia(models.TextChoices):
        POR_DEFINIR = "por_definir", _("Por definir")
        ALCALDE = "alcalde", _("Asiste el Alcalde")
        SECRETARIO = "secretario", _("Asiste el Secretario de Gobierno")
        DELEGA = "delega", _("Se delega")

    instancia = models.ForeignKey(
        Instancia, verbose_name=_("instancia"), on_delete=models.PROTECT, related_name="sesiones"
    )
    inicio = models.DateTimeField(_("fecha y hora"))
    lugar = models.CharField(_("lugar"), max_length=200, blank=True)
    enlace_virtual = models.URLField(_("enlace de la sesión virtual"), blank=True)
    asistencia = models.CharField(
        _("quién asiste"), max_length=12, choices=Asistencia.choices, default=Asistencia.DELEGA
    )
    temas = models.TextField(_("temas del orden del día"), blank=True)
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.PROTECT,
        related_name="sesiones_registradas",
    )
    creado_en = models.DateTimeField(_("registrada en"), default=timezone.now)

    # Its instancia as loaded: a save that moves it recounts both (delegaciones.resumen).
    campos_del_grupo = ("instancia_id",)
    acceso = PoliticaSesion(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION,
        organismo="instancia__organismo",
        asignados=("delegaciones__delegado",),
    )
    objects = SesionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sesión")
        verbose_name_plural = _("sesiones")
        ordering = ["-inicio"]
        indexes = [
            models.Index(fields=["inicio"]),
            models.Index(fields=["instancia", "inicio"]),
            models.Index(fields=["asistencia", "inicio"], name="sesion_por_asistencia"),
        ]

    def __str__(self):
        return _("%(instancia)s, %(fecha)s") % {
            "instancia": self.instancia,
            "fecha": fecha_hora_larga(self.inicio),
        }

    def get_absolute_url(self):
        return reverse("delegaciones:sesion", args=[self.pk])

    @property
    def fecha(self) -> date:
        return timezone.localtime(self.inicio).date()

    @property
    def ya_empezo(self) -> bool:
        return self.inicio <= timezone.now()


class DelegacionPermanente(ConAcceso, EtiquetasRapidas, models.Model):
    """A delegation by decree or resolution for every session of an instancia during a period.

    The act (its number, date and signed PDF) is the written act of every delegation made
    from it: a session inside the period is delegated in one click (services
    .delegar_desde_permanente), already notified, without a new letter; the ficha is still
    owed per session. Two standing delegations of one instancia never overlap.
    """

    class TipoActo(models.TextChoices):
        DECRETO = "decreto", _("Decreto")
        RESOLUCION = "resolucion", _("Resolución")

    instancia = models.ForeignKey(
        Instancia,
        verbose_name=_("instancia"),
        on_delete=models.PROTECT,
        related_name="delegaciones_permanentes",
    )
    tipo_acto = models.CharField(
        _("tipo de acto"), max_length=10, choices=TipoActo.choices, default=TipoActo.DECRETO
    )
    numero_acto = models.CharField(_("número del acto"), max_length=40)
    fecha_acto = models.DateField(_("fecha del acto"))
    delegante = models.CharField(
        _("quién delega"), max_length=10, choices=Delegante.choices, default=Delegante.ALCALDE
    )
    delegado = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delegado"),
        on_delete=models.PROTECT,
        related_name="delegaciones_permanentes",
    )
    desde = models.DateField(_("desde"))
    hasta = models.DateField(_("hasta"))
    instrucciones = models.TextField(_("instrucciones"))
    # Required (services.crear_permanente); null only inside the transaction that creates it,
    # since an attachment needs its record saved first.
    acto = models.ForeignKey(
        "documentos.Adjunto",
        verbose_name=_("copia del acto (PDF)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    creado_en = models.DateTimeField(_("registrada en"), default=timezone.now)

    acceso = Politica(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION,
        organismo="instancia__organismo",
        asignados=("delegado",),
    )
    objects = AccesoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegación permanente")
        verbose_name_plural = _("delegaciones permanentes")
        ordering = ["instancia", "-desde"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hasta__gte=models.F("desde")),
                name="permanente_hasta_no_antes_de_desde",
                violation_error_message=_("La fecha final no puede ser anterior a la inicial."),
            )
        ]
        indexes = [models.Index(fields=["instancia", "desde"], name="permanente_por_instancia")]

    def __str__(self):
        return _("%(acto)s: %(persona)s en %(instancia)s") % {
            "acto": self.acto_en_palabras,
            "persona": self.delegado,
            "instancia": self.instancia,
        }

    def get_absolute_url(self):
        return reverse("delegaciones:permanente", args=[self.pk])

    @property
    def acto_en_palabras(self) -> str:
        """ "Decreto 4112.010.20.0123 del 2 de enero de 2026"."""
        return _("%(tipo)s %(numero)s del %(fecha)s") % {
            "tipo": self.get_tipo_acto_display(),
            "numero": self.numero_acto,
            "fecha": fecha_larga(self.fecha_acto),
        }

    def cubre(self, dia: date) -> bool:
        return self.desde <= dia <= self.hasta


class DelegacionQuerySet(AccesoQuerySet):
    def vigentes(self):
        return self.exclude(estado__in=Delegacion.TERMINADAS_SIN_FICHA)

    def por_aceptar(self):
        return self.filter(estado=Delegacion.Estado.NOTIFICADA)

    def sin_ficha(self):
        """The ficha is owed and was never delivered (a returned one was, on its date)."""
        return self.filter(condicion_sin_ficha())

    def vencidas(self, hoy: date | None = None):
        return self.filter(condicion_vencida(hoy))

    def por_entregar(self, hoy: date | None = None):
        """The session was held and the ficha is owed, still within its deadline."""
        return self.filter(condicion_por_entregar(hoy))

    def para_lista(self):
        return self.select_related("sesion__instancia", "delegado", "organismo", "ficha").order_by(
            "sesion__inicio", "pk"
        )


def condicion_sin_ficha() -> Q:
    """The condition of DelegacionQuerySet.sin_ficha, also for Count(filter=…)."""
    # NOT EXISTS: one lookup of the ficha's unique key per owed delegation, instead of a
    # NOT IN that reads every delivered ficha.
    entregada = FichaTecnica.objects.filter(
        delegacion=models.OuterRef("pk"), entregada_en__isnull=False
    )
    return Q(estado__in=Delegacion.DEBEN_FICHA) & ~models.Exists(entregada)


def condicion_devuelta(**plazo) -> Q:
    """Owed again: the Despacho returned the ficha and it was not sent back yet (its new
    deadline, FichaTecnica.plazo_reenvio, filtered by `plazo`, e.g. plazo_reenvio__lt=hoy)."""
    devuelta = FichaTecnica.objects.filter(
        delegacion=models.OuterRef("pk"), devuelta_en__isnull=False, **plazo
    )
    return Q(estado__in=Delegacion.DEBEN_FICHA) & models.Exists(devuelta)


def condicion_vencida(hoy: date | None = None) -> Q:
    hoy = hoy or timezone.localdate()
    return (condicion_sin_ficha() & Q(fecha_limite_ficha__lt=hoy)) | condicion_devuelta(
        plazo_reenvio__lt=hoy
    )


def condicion_por_entregar(hoy: date | None = None) -> Q:
    # The session's start read by its primary key for each owed delegation (a scalar
    # subquery), not by a join, which the planner makes a hash of every session.
    inicio = models.Subquery(
        Sesion.objects.filter(pk=models.OuterRef("sesion_id")).values("inicio")
    )
    hoy = hoy or timezone.localdate()
    return (
        condicion_sin_ficha() & Q(fecha_limite_ficha__gte=hoy) & Q(LessThan(inicio, timezone.now()))
    ) | condicion_devuelta(plazo_reenvio__gte=hoy)


class Delegacion(ConAcceso, RecuerdaSuGrupo, EtiquetasRapidas, models.Model):
    class Estado(models.TextChoices):
        BORRADOR = "borrador", _("Borrador")
        PENDIENTE_FIRMA = "pendiente_firma", _("Pendiente de firma")
        NOTIFICADA = "notificada", _("Notificada")
        ACEPTADA = "aceptada", _("Aceptada")
        RECHAZADA = "rechazada", _("Rechazada")
        REALIZADA = "realizada", _("Sesión realizada")
        FICHA_ENTREGADA = "ficha_entregada", _("Ficha entregada")
        FICHA_REVISADA = "ficha_revisada", _("Ficha revisada")
        CANCELADA = "cancelada", _("Cancelada")
        # After the session started, recorded by the Despacho: no ficha is owed.
        NO_ASISTIO = "no_asistio", _("No asistió")
        SUSPENDIDA = "suspendida", _("Sesión suspendida")

    Delegante = Delegante

    TRANSICIONES = {
        # The letter is numbered and generated for signature; the delegate is notified only
        # once the signed copy is uploaded or its Daruma record entered (a written act).
        Estado.BORRADOR: {Estado.PENDIENTE_FIRMA, Estado.CANCELADA},
        Estado.PENDIENTE_FIRMA: {Estado.NOTIFICADA, Estado.CANCELADA},
        Estado.NOTIFICADA: {
            Estado.ACEPTADA,
            Estado.RECHAZADA,
            Estado.CANCELADA,
            Estado.NO_ASISTIO,
            Estado.SUSPENDIDA,
        },
        Estado.ACEPTADA: {
            Estado.REALIZADA,
            Estado.FICHA_ENTREGADA,
            Estado.CANCELADA,
            Estado.NO_ASISTIO,
            Estado.SUSPENDIDA,
        },
        Estado.REALIZADA: {Estado.FICHA_ENTREGADA, Estado.NO_ASISTIO, Estado.SUSPENDIDA},
        # The Despacho reviews it, or returns it to be completed.
        Estado.FICHA_ENTREGADA: {Estado.FICHA_REVISADA, Estado.REALIZADA},
        Estado.FICHA_REVISADA: set(),
        Estado.RECHAZADA: set(),
        Estado.CANCELADA: set(),
        Estado.NO_ASISTIO: set(),
        Estado.SUSPENDIDA: set(),
    }
    TERMINADAS_SIN_FICHA = (Estado.RECHAZADA, Estado.CANCELADA)
    # The session passed without the representation: the ficha obligation ends.
    SIN_REPRESENTACION = (Estado.NO_ASISTIO, Estado.SUSPENDIDA)
    # Not yet a written, signed act: the delegate has not been told.
    SIN_NOTIFICAR = (Estado.BORRADOR, Estado.PENDIENTE_FIRMA)
    DEBEN_FICHA = (Estado.ACEPTADA, Estado.REALIZADA)
    CON_FICHA = (Estado.FICHA_ENTREGADA, Estado.FICHA_REVISADA)

    sesion = models.ForeignKey(
        Sesion, verbose_name=_("sesión"), on_delete=models.PROTECT, related_name="delegaciones"
    )
    delegante = models.CharField(
        _("quién delega"), max_length=10, choices=Delegante.choices, default=Delegante.ALCALDE
    )
    delegado = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("delegado"),
        on_delete=models.PROTECT,
        related_name="delegaciones",
    )
    # The delegate's organism when delegated: on-time rates per organism do not shift if the
    # person later moves.
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo del delegado"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegaciones",
    )
    instrucciones = models.TextField(_("instrucciones"))
    postura = models.TextField(_("postura de la Administración"), blank=True)
    # Made from a standing delegation: its act is the written act, no letter of its own.
    permanente = models.ForeignKey(
        DelegacionPermanente,
        verbose_name=_("delegación permanente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegaciones",
    )
    estado = models.CharField(
        _("estado"), max_length=16, choices=Estado.choices, default=Estado.BORRADOR
    )
    numero_carta = models.CharField(
        _("número de la carta de delegación"), max_length=40, blank=True
    )
    fecha_limite_ficha = models.DateField(_("plazo de la ficha técnica"))
    # The signature of the letter: the signed copy uploaded (a PDF), or its record in the
    # document-management system (Daruma).
    carta_firmada = models.ForeignKey(
        "documentos.Adjunto",
        verbose_name=_("copia firmada de la carta"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    radicado_firma = models.CharField(_("número de radicado en Daruma"), max_length=40, blank=True)
    fecha_radicado = models.DateField(_("fecha del radicado"), null=True, blank=True)
    trd_radicado = models.CharField(_("código TRD"), max_length=80, blank=True)
    firma_registrada_en = models.DateTimeField(_("firma registrada en"), null=True, blank=True)
    firma_registrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("firma registrada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    motivo_rechazo = models.TextField(_("motivo del rechazo"), blank=True)
    motivo_cancelacion = models.TextField(_("motivo de la cancelación"), blank=True)
    motivo_sin_representacion = models.TextField(
        _("motivo (no asistió o sesión suspendida)"), blank=True
    )
    notificada_en = models.DateTimeField(_("notificada en"), null=True, blank=True)
    respondida_en = models.DateTimeField(_("aceptada o rechazada en"), null=True, blank=True)
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.PROTECT,
        related_name="delegaciones_registradas",
    )
    creado_en = models.DateTimeField(_("registrada en"), default=timezone.now)

    # What places it in CifrasDeInstancia (its organism and session), as loaded, so a save
    # that moves it recounts the group it left too (delegaciones.resumen).
    campos_del_grupo = ("organismo_id", "sesion_id")

    acceso = Politica(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION,
        organismo="organismo",
        asignados=("delegado",),
        editan_propios=ROLES_DELEGADOS,
    )
    objects = DelegacionQuerySet.as_manager()
    history = HistoricalRecords()
    recordatorios = GenericRelation(
        "avisos.Recordatorio", content_type_field="content_type", object_id_field="object_id"
    )

    class Meta:
        verbose_name = _("delegación")
        verbose_name_plural = _("delegaciones")
        ordering = ["-sesion__inicio", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["sesion"],
                condition=~Q(estado__in=["rechazada", "cancelada"]),
                name="delegacion_una_vigente_por_sesion",
                violation_error_message=_(
                    "Esta sesión ya tiene una delegación vigente; cancélela antes de delegar en "
                    "otra persona."
                ),
            ),
            models.UniqueConstraint(
                fields=["numero_carta"],
                condition=~Q(numero_carta=""),
                name="delegacion_numero_de_carta_unico",
            ),
            models.CheckConstraint(
                condition=Q(estado="borrador")
                | Q(estado="cancelada")
                | ~Q(numero_carta="")
                | Q(permanente__isnull=False),
                name="delegacion_notificada_tiene_carta",
            ),
            models.CheckConstraint(
                condition=Q(radicado_firma="") | Q(fecha_radicado__isnull=False),
                name="delegacion_radicado_tiene_fecha",
                violation_error_message=_("Indique la fecha del radicado."),
            ),
            models.CheckConstraint(
                condition=~Q(estado="rechazada") | ~Q(motivo_rechazo=""),
                name="delegacion_rechazada_tiene_motivo",
                violation_error_message=_("Indique por qué no puede asistir."),
            ),
            models.CheckConstraint(
                condition=~Q(estado__in=["no_asistio", "suspendida"])
                | ~Q(motivo_sin_representacion=""),
                name="delegacion_sin_representacion_tiene_motivo",
                violation_error_message=_("Indique el motivo."),
            ),
            models.CheckConstraint(
                condition=~Q(estado="cancelada") | ~Q(motivo_cancelacion=""),
                name="delegacion_cancelada_tiene_motivo",
                violation_error_message=_("Indique el motivo de la cancelación."),
            ),
        ]
        indexes = [
            models.Index(fields=["estado", "fecha_limite_ficha"]),
            models.Index(fields=["delegado", "estado"]),
            models.Index(fields=["organismo", "estado"]),
            models.Index(fields=["delegante"], name="delegacion_por_delegante"),
        ]

    def __str__(self):
        return _("Delegación de %(persona)s en %(instancia)s") % {
            "persona": self.delegado,
            "instancia": self.sesion.instancia,
        }

    def get_absolute_url(self):
        return reverse("delegaciones:delegacion", args=[self.pk])

    def puede_pasar_a(self, estado) -> bool:
        return estado in self.TRANSICIONES[self.estado]

    def admite_adjuntos(self) -> bool:
        """Closed once rejected, cancelled or its ficha reviewed."""
        return self.estado not in (
            self.Estado.RECHAZADA,
            self.Estado.CANCELADA,
            self.Estado.FICHA_REVISADA,
            *self.SIN_REPRESENTACION,
        )

    @property
    def quien_delega(self) -> str:
        """The delegating authority as the subject of a sentence ("el Alcalde de …")."""
        if self.delegante == self.Delegante.SECRETARIO:
            return str(_("el Secretario de Gobierno"))
        return str(_("el Alcalde de Santiago de Cali"))

    @property
    def a_quien_representa(self) -> str:
        """The same after "representar a" ("al Alcalde de …")."""
        if self.delegante == self.Delegante.SECRETARIO:
            return str(_("al Secretario de Gobierno"))
        return str(_("al Alcalde de Santiago de Cali"))

    def aviso_vigente(self, paso: str) -> bool:
        """Whether reminder `paso` still applies (the platform asks right before sending)."""
        tipo, _separador, fecha = paso.partition(":")
        if tipo == "notificada":
            return self.estado not in self.TERMINADAS_SIN_FICHA
        if tipo in ("sin_respuesta", "sin_respuesta_escalada"):
            # Still unanswered, before this same session (keyed by the ficha's deadline).
            return (
                self.estado == self.Estado.NOTIFICADA
                and not self.sesion.ya_empezo
                and fecha == f"{self.fecha_limite_ficha:%Y%m%d}"
            )
        if tipo == "devuelta":
            return self.estado == self.Estado.REALIZADA
        if tipo.startswith("reenvio_"):
            # A returned ficha, still not sent back, for this same new deadline.
            return self.devuelta_pendiente and fecha == f"{self.ficha.plazo_reenvio:%Y%m%d}"
        # ficha_pendiente, ficha_vence_hoy, ficha_vencida, escalada: for this same deadline.
        ficha = self.ficha_o_none
        return (
            self.debe_ficha
            and (ficha is None or ficha.entregada_en is None)
            and fecha == f"{self.fecha_limite_ficha:%Y%m%d}"
        )

    @property
    def firmada(self) -> bool:
        """The letter's signature is on record (signed copy or Daruma radicado)."""
        return bool(self.carta_firmada_id or self.radicado_firma or self.permanente_id)

    @property
    def debe_ficha(self) -> bool:
        return self.estado in self.DEBEN_FICHA

    @property
    def devuelta_pendiente(self) -> bool:
        """The Despacho returned the ficha and it is owed again, by `plazo_reenvio`."""
        ficha = self.ficha_o_none
        return self.debe_ficha and ficha is not None and ficha.devuelta_en is not None

    @property
    def plazo_vigente(self) -> date:
        """The deadline the ficha is owed by now: the new one after a return."""
        return self.ficha.plazo_reenvio if self.devuelta_pendiente else self.fecha_limite_ficha

    @property
    def ficha_vencida(self) -> bool:
        """Computed, never stored: the ficha is owed, was never delivered (or was returned),
        and its deadline has passed. (Lists select_related("ficha") so this costs no query
        per row.)"""
        if not self.debe_ficha or self.plazo_vigente >= timezone.localdate():
            return False
        ficha = self.ficha_o_none
        return ficha is None or ficha.entregada_en is None or ficha.devuelta_en is not None

    @property
    def estado_mostrado(self) -> str:
        return str(_("Ficha vencida")) if self.ficha_vencida else self.get_estado_display()

    @property
    def ficha_entregada_en(self):
        ficha = self.ficha_o_none
        return ficha.entregada_en if ficha else None

    @property
    def ficha_a_tiempo(self) -> bool | None:
        ficha = self.ficha_o_none
        return ficha.entregada_a_tiempo if ficha else None

    @property
    def ficha_o_none(self):
        try:
            return self.ficha
        except FichaTecnica.DoesNotExist:
            return None


class FichaTecnica(ConAcceso, models.Model):
    """MEDE01.09.P001.F001: what happened, decisions, commitments, matters for the Alcalde.

    Saved as a draft as often as the delegate likes; `entregada_en` is the first delivery
    (the one that counts for the deadline), `reenviada_en` the last after a return.
    """

    delegacion = models.OneToOneField(
        Delegacion, verbose_name=_("delegación"), on_delete=models.PROTECT, related_name="ficha"
    )
    desarrollo = models.TextField(_("lo acontecido en la sesión"), blank=True)
    decisiones = models.TextField(_("decisiones tomadas"), blank=True)
    asuntos_alcalde = models.TextField(
        _("asuntos que requieren la atención del Alcalde"), blank=True
    )
    # Beside the postura instructed in the delegation: who was there, what the delegate
    # actually said for the Administration, and how the votes went.
    asistentes = models.TextField(_("quiénes asistieron"), blank=True)
    posicion_expresada = models.TextField(_("posición expresada en la sesión"), blank=True)
    votaciones = models.TextField(_("votaciones"), blank=True)
    # Returned by the Despacho to be completed: a new deadline, three business days from the
    # return; the first delivery keeps counting against the original one.
    devuelta_en = models.DateTimeField(_("devuelta en"), null=True, blank=True)
    plazo_reenvio = models.DateField(_("nuevo plazo tras la devolución"), null=True, blank=True)
    # Sending needs at least one commitment or this explicit statement (policy 3).
    sin_compromisos = models.BooleanField(_("no se adoptaron compromisos"), default=False)
    entregada_en = models.DateTimeField(_("entregada en"), null=True, blank=True)
    reenviada_en = models.DateTimeField(_("reenviada en"), null=True, blank=True)
    entregada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entregada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    observaciones_revision = models.TextField(_("observaciones de la revisión"), blank=True)
    revisada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revisada por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    revisada_en = models.DateTimeField(_("revisada en"), null=True, blank=True)
    actualizada_en = models.DateTimeField(_("actualizada en"), auto_now=True)

    acceso = Politica(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION,
        organismo="delegacion__organismo",
        asignados=("delegacion__delegado",),
        editan_propios=ROLES_DELEGADOS,
    )
    objects = AccesoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ficha técnica de delegación")
        verbose_name_plural = _("fichas técnicas de delegación")
        indexes = [models.Index(fields=["entregada_en"])]

    def __str__(self):
        return _("Ficha técnica — %(instancia)s, %(fecha)s") % {
            "instancia": self.delegacion.sesion.instancia,
            "fecha": fecha_larga(self.delegacion.sesion.fecha),
        }

    def get_absolute_url(self):
        """The delegation's page, at the ficha (P005 links commitments back here)."""
        return reverse("delegaciones:delegacion", args=[self.delegacion_id]) + "#titulo-ficha"

    def admite_adjuntos(self) -> bool:
        """The ficha's files change with its text: while the delegation still owes it."""
        return self.delegacion.estado in Delegacion.DEBEN_FICHA

    @property
    def fecha_compromisos(self) -> date:
        """P005 refuses commitments due before the session (compromisos.services)."""
        return self.delegacion.sesion.fecha

    @property
    def entregada_a_tiempo(self) -> bool | None:
        if self.entregada_en is None:
            return None
        return timezone.localtime(self.entregada_en).date() <= self.delegacion.fecha_limite_ficha


class CompromisoFicha(models.Model):
    """A commitment adopted in the session, as the delegate writes it in the ficha.

    When the ficha is sent each row becomes a P005 commitment (compromisos.services
    .crear_compromisos, with the ficha as origin) and `compromiso` points to it; a row already
    sent is not sent again when a returned ficha is delivered a second time.
    """

    ficha = models.ForeignKey(
        FichaTecnica,
        verbose_name=_("ficha"),
        on_delete=models.CASCADE,
        related_name="compromisos_adoptados",
    )
    descripcion = models.TextField(_("compromiso"))
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    fecha_limite = models.DateField(_("fecha límite"))
    # The meta of the plan de desarrollo it serves, carried to the P005 commitment.
    meta = models.ForeignKey(
        "compromisos.MetaEstrategica",
        verbose_name=_("meta del plan de desarrollo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    compromiso = models.ForeignKey(
        "compromisos.Compromiso",
        verbose_name=_("compromiso en seguimiento"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("compromiso adoptado")
        verbose_name_plural = _("compromisos adoptados")
        ordering = ["ficha", "pk"]

    def __str__(self):
        return self.descripcion[:90]


class CifrasDeInstancia(models.Model):
    """How many fichas the delegates of one organism delivered on time and late for one
    instancia: the part of the P001 indicators that no longer changes.

    Kept by `delegaciones.resumen` as delegations and fichas are saved, so whoever sees every
    delegation reads the on-time figures of eight years from a few hundred rows instead of
    joining 20,000 delegations to their sessions and fichas on each visit. What still moves
    (fichas owed, overdue or not yet due) is a short list counted live. Never edited by hand.
    """

    organismo = models.ForeignKey(
        "organizacion.Organismo", on_delete=models.CASCADE, related_name="+"
    )
    instancia = models.ForeignKey(Instancia, on_delete=models.CASCADE, related_name="+")
    a_tiempo = models.PositiveIntegerField(default=0)
    tarde = models.PositiveIntegerField(default=0)
    # On time at the first delivery and, if returned, sent back within the new deadline.
    completas_a_tiempo = models.PositiveIntegerField(default=0)
    # Sessions without the representation (no ficha owed), counted apart.
    no_asistio = models.PositiveIntegerField(default=0)
    suspendidas = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("cifras de fichas de una instancia")
        verbose_name_plural = _("cifras de fichas por instancia")
        constraints = [
            models.UniqueConstraint(
                fields=["organismo", "instancia"], name="cifras_una_por_organismo_e_instancia"
            )
        ]

    def __str__(self):
        return f"{self.organismo_id}/{self.instancia_id}: {self.a_tiempo}+{self.tarde}"
