"""P004 Proyectos de acuerdo.

A ProyectoAcuerdo is formulated by an organism (its technical sheet, MEDE01.09.P004.F001, with
the fiscal-impact section of Ley 819 de 2003 art. 7 when it orders spending or grants tax
benefits), goes to the viabilizing organisms for their Conceptos (técnico: Planeación,
financiero: Hacienda, jurídico: DAGJP; each due in N business days), is flagged "con
discrepancias" when they disagree (policy 4: the leader may convene the Comité Coordinador de
Proyectos de Acuerdo, a P005 meeting, or resolve without one), and once viable passes through
the Concejo: filing, commission and first debate, second debate in plenary, approval, then the
Alcalde's sanction or objection within Ley 136 art. 78's term, publication and the copy to the
Gobernador. FacultadExtraordinaria records the pro tempore powers an acuerdo grants.

Each transition is one function of services.py that checks its guard inside one transaction.
"""

from django.conf import settings
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
    es_solo_lectura,
    roles_de,
)
from buengobierno.organizacion.roles import Rol

ROLES_COORDINACION = frozenset({Rol.DESPACHO, Rol.SECRETARIO})
VEN_TODO = ROLES_COORDINACION | {Rol.CONSULTA}
ROLES_ORGANISMO = frozenset({Rol.DIRECTIVO, Rol.ENLACE, Rol.JURIDICA, Rol.VIABILIZADOR})


class ErrorDeEstado(Exception):
    """A step the project's state (or the user) does not allow."""


class PeriodoSesiones(models.Model):
    """A sessions period of the Concejo (admin data): ordinary or extraordinary."""

    class Tipo(models.TextChoices):
        ORDINARIO = "ordinario", _("Ordinario")
        EXTRAORDINARIO = "extraordinario", _("Extraordinario")

    nombre = models.CharField(_("nombre"), max_length=120, unique=True)
    tipo = models.CharField(_("tipo"), max_length=16, choices=Tipo.choices)
    inicio = models.DateField(_("inicio"))
    fin = models.DateField(_("fin"))

    acceso = Politica(ven_todo=set(Rol), editan_todo={Rol.ADMINISTRADOR})
    objects = AccesoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("periodo de sesiones del Concejo")
        verbose_name_plural = _("periodos de sesiones del Concejo")
        ordering = ["-inicio"]
        indexes = [models.Index(fields=["inicio", "fin"])]
        constraints = [
            models.CheckConstraint(condition=Q(fin__gte=models.F("inicio")), name="periodo_fechas")
        ]

    def __str__(self):
        return self.nombre

    @classmethod
    def del_dia(cls, fecha):
        return cls.objects.filter(inicio__lte=fecha, fin__gte=fecha).order_by("-inicio").first()


class MiembroComite(models.Model):
    """A standing member of the Comité Coordinador de Proyectos de Acuerdo (admin data): they
    are invited to every committee meeting the leader convenes."""

    usuario = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persona"),
        on_delete=models.CASCADE,
        related_name="miembro_comite_proyectos",
    )
    calidad = models.CharField(_("calidad"), max_length=200, blank=True)
    activo = models.BooleanField(_("activo"), default=True)

    class Meta:
        verbose_name = _("miembro del Comité Coordinador")
        verbose_name_plural = _("miembros del Comité Coordinador")

    def __str__(self):
        return str(self.usuario)


class PoliticaProyecto(Politica):
    """Despacho, Secretario and Consulta see every project; an organism sees the projects it
    formulates and those it was asked a concept on; only the formulating organism (and its
    responsible person) edit one, besides the coordination."""

    def _buscadas(self, usuario):
        buscadas = super()._buscadas(usuario)
        if usuario.organismo_id:
            buscadas.append(("conceptos__organismo", usuario.organismo_id))
        return buscadas

    def puede_editar(self, usuario, objeto) -> bool:
        roles = roles_de(usuario)
        if roles & (self.editan_todo | {Rol.ADMINISTRADOR}) or not roles & self.editan_propios:
            return super().puede_editar(usuario, objeto)
        if es_solo_lectura(usuario):
            return False
        return (
            objeto.responsable_id == usuario.pk
            or (usuario.organismo_id is not None and objeto.organismo_id == usuario.organismo_id)
        ) and self.puede_ver(usuario, objeto)


class Estado(models.TextChoices):
    FORMULACION = "formulacion", _("En formulación")
    EN_CONCEPTOS = "en_conceptos", _("En conceptos de viabilidad")
    CON_DISCREPANCIAS = "con_discrepancias", _("Con discrepancias")
    NO_VIABLE = "no_viable", _("No viable")
    VIABLE = "viable", _("Viable")
    RADICADO = "radicado", _("Radicado en el Concejo")
    PRIMER_DEBATE = "primer_debate", _("Aprobado en primer debate")
    APROBADO = "aprobado", _("Aprobado por el Concejo")
    SANCIONADO = "sancionado", _("Sancionado")
    OBJETADO = "objetado", _("Objetado")
    PUBLICADO = "publicado", _("Publicado")
    NEGADO = "negado", _("Negado")
    ARCHIVADO = "archivado", _("Archivado al terminar el periodo")
    RETIRADO = "retirado", _("Retirado")


ESTADOS_EN_CONCEJO = (Estado.RADICADO, Estado.PRIMER_DEBATE)
ESTADOS_FINALES = (
    Estado.PUBLICADO,
    Estado.NEGADO,
    Estado.ARCHIVADO,
    Estado.RETIRADO,
    Estado.NO_VIABLE,
)


class ProyectoQuerySet(AccesoQuerySet):
    def abiertos(self):
        return self.exclude(estado__in=ESTADOS_FINALES)


class ProyectoAcuerdo(ConAcceso, models.Model):
    class Iniciativa(models.TextChoices):
        NO = "", _("No es de iniciativa exclusiva")
        PLAN = "plan", _("Plan de desarrollo")
        PRESUPUESTO = "presupuesto", _("Presupuesto")
        ESTRUCTURA = "estructura", _("Estructura de la administración")

    class Resultado(models.TextChoices):
        APROBADO = "aprobado", _("Aprobado")
        NEGADO = "negado", _("Negado")

    titulo = models.CharField(_("título"), max_length=300)
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo formulador"),
        on_delete=models.PROTECT,
        related_name="proyectos_acuerdo",
    )
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable en el organismo"),
        on_delete=models.PROTECT,
        related_name="proyectos_acuerdo",
    )
    objeto = models.TextField(_("objeto"))
    exposicion_motivos = models.TextField(_("exposición de motivos"), blank=True)
    fundamento_legal = models.TextField(
        _("fundamento legal y competencia"),
        blank=True,
        help_text=_("Normas que habilitan al Concejo y al Alcalde para esta iniciativa."),
    )
    iniciativa_exclusiva = models.CharField(
        _("iniciativa exclusiva del Alcalde (Ley 136, art. 71)"),
        max_length=12,
        choices=Iniciativa.choices,
        blank=True,
        default="",
    )
    unidad_materia = models.BooleanField(
        _("cumple unidad de materia"),
        default=False,
        help_text=_("Todo el articulado se refiere a una misma materia (Ley 136, art. 72)."),
    )
    numero_articulos = models.PositiveSmallIntegerField(_("número de artículos"), default=1)
    meta = models.ForeignKey(
        "compromisos.MetaEstrategica",
        verbose_name=_("meta del plan de desarrollo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proyectos_acuerdo",
    )
    # Ley 819 de 2003, art. 7: fiscal impact
    ordena_gasto = models.BooleanField(_("ordena gasto"), default=False)
    otorga_beneficios = models.BooleanField(_("otorga beneficios tributarios"), default=False)
    costo_fiscal = models.DecimalField(
        _("costo fiscal estimado (pesos)"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    fuente_financiacion = models.TextField(_("fuente de financiación"), blank=True)
    compatible_mfmp = models.BooleanField(
        _("compatible con el Marco Fiscal de Mediano Plazo"), default=False
    )
    analisis_fiscal = models.TextField(_("análisis del impacto fiscal"), blank=True)

    estado = models.CharField(
        _("estado"), max_length=20, choices=Estado.choices, default=Estado.FORMULACION
    )
    # Discrepancies (policy 4)
    reunion_comite = models.ForeignKey(
        "compromisos.Reunion",
        verbose_name=_("reunión del Comité Coordinador"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proyectos_acuerdo",
    )
    resolucion_discrepancias = models.TextField(
        _("cómo se resolvieron las discrepancias"), blank=True
    )
    # In the Concejo
    fecha_radicacion = models.DateField(_("fecha de radicación"), null=True, blank=True)
    numero_concejo = models.CharField(_("número en el Concejo"), max_length=40, blank=True)
    periodo = models.ForeignKey(
        PeriodoSesiones,
        verbose_name=_("periodo de sesiones"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proyectos",
    )
    comision = models.CharField(_("comisión"), max_length=200, blank=True)
    ponentes = models.TextField(_("ponentes"), blank=True)
    primer_debate_fecha = models.DateField(_("fecha del primer debate"), null=True, blank=True)
    primer_debate_resultado = models.CharField(
        _("resultado del primer debate"), max_length=10, choices=Resultado.choices, blank=True
    )
    segundo_debate_fecha = models.DateField(_("fecha del segundo debate"), null=True, blank=True)
    segundo_debate_resultado = models.CharField(
        _("resultado del segundo debate"), max_length=10, choices=Resultado.choices, blank=True
    )
    numero_acuerdo = models.CharField(_("número del acuerdo"), max_length=40, blank=True)
    fecha_recibo_sancion = models.DateField(
        _("recibido para sanción"),
        null=True,
        blank=True,
        help_text=_("Desde este día corre el término para sancionar u objetar (Ley 136, art. 78)."),
    )
    plazo_sancion = models.DateField(_("plazo para sancionar u objetar"), null=True, blank=True)
    fecha_sancion = models.DateField(_("fecha de sanción"), null=True, blank=True)
    fecha_objecion = models.DateField(_("fecha de objeción"), null=True, blank=True)
    motivos_objecion = models.TextField(_("motivos de la objeción"), blank=True)
    justificacion_extemporanea = models.TextField(
        _("justificación de la objeción fuera de término"), blank=True
    )
    fecha_publicacion = models.DateField(_("fecha de publicación"), null=True, blank=True)
    fecha_envio_gobernador = models.DateField(
        _("fecha de envío de copia al Gobernador"), null=True, blank=True
    )
    motivo_cierre = models.TextField(_("motivo (negado, archivado o retirado)"), blank=True)

    lider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("líder del proceso"),
        on_delete=models.PROTECT,
        related_name="proyectos_acuerdo_liderados",
    )
    creado_en = models.DateTimeField(_("registrado en"), default=timezone.now)
    actualizado_en = models.DateTimeField(_("actualizado en"), auto_now=True)

    acceso = PoliticaProyecto(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION,
        organismo="organismo",
        asignados=("responsable",),
        editan_propios=ROLES_ORGANISMO,
    )
    objects = ProyectoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proyecto de acuerdo")
        verbose_name_plural = _("proyectos de acuerdo")
        ordering = ["-creado_en", "-pk"]
        indexes = [
            models.Index(fields=["-creado_en", "-id"]),
            models.Index(fields=["estado", "-creado_en", "-id"]),
            models.Index(fields=["organismo", "-creado_en"]),
            models.Index(fields=["periodo", "estado"]),
            models.Index(fields=["estado", "plazo_sancion"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(numero_articulos__gte=1), name="proyecto_con_articulos"
            ),
            models.CheckConstraint(
                condition=Q(segundo_debate_fecha__isnull=True)
                | Q(primer_debate_fecha__isnull=False),
                name="proyecto_segundo_tras_primero",
            ),
        ]

    def __str__(self):
        return self.titulo

    def get_absolute_url(self):
        return reverse("proyectos_acuerdo:proyecto", args=[self.pk])

    @property
    def requiere_impacto_fiscal(self) -> bool:
        return self.ordena_gasto or self.otorga_beneficios

    @property
    def impacto_fiscal_completo(self) -> bool:
        return bool(
            self.costo_fiscal is not None
            and self.fuente_financiacion.strip()
            and self.compatible_mfmp
            and self.analisis_fiscal.strip()
        )

    @property
    def con_discrepancias(self) -> bool:
        return self.estado == Estado.CON_DISCREPANCIAS

    @property
    def sancion_pendiente(self) -> bool:
        return self.estado == Estado.APROBADO

    def aviso_vigente(self, paso: str) -> bool:
        if paso.startswith("sancion"):
            return self.estado == Estado.APROBADO
        return True


class Concepto(ConAcceso, models.Model):
    class Tipo(models.TextChoices):
        TECNICO = "tecnico", _("Técnico")
        FINANCIERO = "financiero", _("Financiero")
        JURIDICO = "juridico", _("Jurídico")

    class Sentido(models.TextChoices):
        FAVORABLE = "favorable", _("Favorable")
        CON_OBSERVACIONES = "observaciones", _("Favorable con observaciones")
        DESFAVORABLE = "desfavorable", _("Desfavorable")

    class Medio(models.TextChoices):
        APLICACION = "aplicacion", _("En la aplicación")
        DARUMA = "daruma", _("Daruma (gestión documental)")
        CORREO = "correo", _("Correo electrónico")

    proyecto = models.ForeignKey(
        ProyectoAcuerdo,
        verbose_name=_("proyecto"),
        on_delete=models.CASCADE,
        related_name="conceptos",
    )
    tipo = models.CharField(_("tipo de concepto"), max_length=12, choices=Tipo.choices)
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo viabilizador"),
        on_delete=models.PROTECT,
        related_name="conceptos_proyectos",
    )
    solicitado_en = models.DateField(_("solicitado el"))
    dias_habiles = models.PositiveSmallIntegerField(_("días hábiles para emitirlo"), default=10)
    fecha_limite = models.DateField(_("fecha límite"))
    sentido = models.CharField(_("sentido"), max_length=14, choices=Sentido.choices, blank=True)
    texto = models.TextField(_("texto del concepto"), blank=True)
    medio = models.CharField(_("medio"), max_length=12, choices=Medio.choices, blank=True)
    emitido_en = models.DateField(_("emitido el"), null=True, blank=True)
    emitido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrado por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conceptos_proyectos",
    )
    firmante = models.CharField(_("quién lo emitió"), max_length=200, blank=True)
    radicado = models.CharField(_("radicado o referencia"), max_length=60, blank=True)

    acceso = Politica(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION,
        organismo="organismo",
        asignados=("proyecto__responsable",),
        editan_propios=ROLES_ORGANISMO,
    )
    objects = AccesoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("concepto de viabilidad")
        verbose_name_plural = _("conceptos de viabilidad")
        ordering = ["proyecto", "tipo"]
        constraints = [
            models.UniqueConstraint(fields=["proyecto", "tipo"], name="concepto_uno_por_tipo"),
            models.CheckConstraint(
                condition=Q(sentido="") | Q(emitido_en__isnull=False),
                name="concepto_emitido_con_fecha",
            ),
        ]
        indexes = [
            models.Index(fields=["sentido", "fecha_limite"]),
            models.Index(fields=["organismo", "sentido"]),
        ]

    def __str__(self):
        return _("Concepto %(tipo)s: %(proyecto)s") % {
            "tipo": self.get_tipo_display().lower(),
            "proyecto": self.proyecto,
        }

    def get_absolute_url(self):
        return reverse("proyectos_acuerdo:proyecto", args=[self.proyecto_id])

    @property
    def emitido(self) -> bool:
        return bool(self.sentido)

    @property
    def vencido(self) -> bool:
        return not self.emitido and self.fecha_limite < timezone.localdate()

    def aviso_vigente(self, paso: str) -> bool:
        return not self.emitido

    def resumen(self) -> str:
        sentido = self.get_sentido_display() if self.emitido else _("pendiente")
        return _("Concepto %(tipo)s (%(organismo)s): %(sentido)s") % {
            "tipo": self.get_tipo_display().lower(),
            "organismo": self.organismo.sigla or self.organismo.nombre,
            "sentido": sentido,
        }


class FacultadExtraordinaria(ConAcceso, models.Model):
    """Facultades pro tempore the Concejo grants the Alcalde (Decreto 0516 de 2016, fn. 10)."""

    acuerdo = models.CharField(_("acuerdo que las otorga"), max_length=120)
    proyecto = models.ForeignKey(
        ProyectoAcuerdo,
        verbose_name=_("proyecto de acuerdo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facultades",
    )
    objeto = models.TextField(_("objeto de las facultades"))
    inicio = models.DateField(_("desde"))
    fin = models.DateField(_("hasta"))
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable del seguimiento"),
        on_delete=models.PROTECT,
        related_name="facultades_extraordinarias",
    )
    creado_en = models.DateTimeField(_("registrada en"), default=timezone.now)

    acceso = Politica(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION,
        asignados=("responsable",),
    )
    objects = AccesoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("facultad extraordinaria")
        verbose_name_plural = _("facultades extraordinarias")
        ordering = ["fin", "pk"]
        indexes = [models.Index(fields=["fin", "id"])]
        constraints = [
            models.CheckConstraint(condition=Q(fin__gte=models.F("inicio")), name="facultad_fechas")
        ]

    def __str__(self):
        return _("Facultades del %(acuerdo)s, hasta el %(fin)s") % {
            "acuerdo": self.acuerdo,
            "fin": fecha_larga(self.fin),
        }

    def get_absolute_url(self):
        return reverse("proyectos_acuerdo:facultad", args=[self.pk])

    @property
    def vigente(self) -> bool:
        return self.inicio <= timezone.localdate() <= self.fin
