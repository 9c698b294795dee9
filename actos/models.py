"""P003 Gestión de actos administrativos.

An organism produces an act (decreto, resolución, circular…) for the Alcalde's signature. Every
upload of its text is a VersionActo (checked by content, SHA-256). Operating policy 2: the act is
received ("radicado") only with the vistos buenos of the producing organism and of the DAGJP on
its current version; the Despacho then reviews its form (RevisionForma, a checklist), returns it
with observations or passes it; the Secretario de Gobierno gives his visto bueno; only then is
it "listo para firma". Then the signed copy, the number from the gap-free series of its type, and
publication (general acts, CPACA art. 65) or notification (particular acts, arts. 66–69).

`ActoAdministrativo.TRANSICIONES` lists what may follow what; each transition is one function of
`services.py`. The gate to "listo para firma" is checked three times: by the guarded method
`ActoAdministrativo.faltantes_para_firma()` (on the current version's rows), by the service, and
by a CheckConstraint that refuses any state from "listo para firma" on without the four marks,
which a new version clears.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import AccesoQuerySet, ConAcceso, Politica
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.consultas import DiaDelCalendario

# Who runs P003: see and edit every act.
ROLES_COORDINACION = frozenset({Rol.DESPACHO, Rol.SECRETARIO})
VEN_TODO = frozenset({Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA, Rol.JURIDICA})
# The producing organism's people: draft, upload versions, give the producer's visto bueno.
ROLES_PRODUCTORES = frozenset({Rol.DIRECTIVO, Rol.ENLACE})


# The states from "listo para firma" on (ActoAdministrativo.DESDE_LA_FIRMA), for its Meta.
_DESDE_LA_FIRMA = (
    "listo_para_firma",
    "firmado",
    "numerado",
    "publicado",
    "notificado",
    "archivado",
)


class ErrorDeEstado(Exception):
    """A transition that the act's state, its vistos buenos or the user do not allow."""


class TipoActo(models.Model):
    """Decreto, resolución, circular, directiva; an admin adds others. Each numbers in its
    own gap-free series (documentos.SerieConsecutiva: its format is editable there)."""

    nombre = models.CharField(_("nombre"), max_length=100, unique=True)
    serie = models.ForeignKey(
        "documentos.SerieConsecutiva",
        verbose_name=_("serie de numeración"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Serie consecutiva (por año) y formato del número, p. ej. 4112.010.20.NNNN."),
    )
    activo = models.BooleanField(_("activo"), default=True)

    class Meta:
        verbose_name = _("tipo de acto")
        verbose_name_plural = _("tipos de acto")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre


class ActoQuerySet(AccesoQuerySet):
    def para_lista(self):
        return self.select_related("tipo", "organismo")

    def abiertos(self):
        return self.exclude(estado__in=ActoAdministrativo.CERRADOS)


class ActoAdministrativo(ConAcceso, models.Model):
    class Estado(models.TextChoices):
        BORRADOR = "borrador", _("En vistos buenos")
        EN_REVISION = "en_revision", _("En revisión de forma")
        DEVUELTO = "devuelto", _("Devuelto al productor")
        REVISADO = "revisado", _("Revisado, espera visto bueno del Secretario")
        LISTO_PARA_FIRMA = "listo_para_firma", _("Listo para firma")
        FIRMADO = "firmado", _("Firmado")
        NUMERADO = "numerado", _("Numerado")
        PUBLICADO = "publicado", _("Publicado")
        NOTIFICADO = "notificado", _("Notificado o comunicado")
        ARCHIVADO = "archivado", _("Archivado")
        ANULADO = "anulado", _("Anulado")

    class Alcance(models.TextChoices):
        GENERAL = "general", _("General")
        PARTICULAR = "particular", _("Particular")

    class Urgencia(models.TextChoices):
        NORMAL = "normal", _("Normal")
        URGENTE = "urgente", _("Urgente")

    E = Estado
    TRANSICIONES = {
        E.BORRADOR: {E.EN_REVISION, E.ANULADO},
        E.EN_REVISION: {E.DEVUELTO, E.REVISADO, E.ANULADO},
        E.DEVUELTO: {E.BORRADOR, E.ANULADO},
        E.REVISADO: {E.LISTO_PARA_FIRMA, E.DEVUELTO, E.ANULADO},
        E.LISTO_PARA_FIRMA: {E.FIRMADO, E.ANULADO},
        E.FIRMADO: {E.NUMERADO},
        E.NUMERADO: {E.PUBLICADO, E.NOTIFICADO},
        E.PUBLICADO: {E.ARCHIVADO},
        E.NOTIFICADO: {E.ARCHIVADO},
        E.ARCHIVADO: set(),
        E.ANULADO: set(),
    }
    # From "listo para firma" on, the four marks of the gate must be there (constraint).
    DESDE_LA_FIRMA = (
        E.LISTO_PARA_FIRMA,
        E.FIRMADO,
        E.NUMERADO,
        E.PUBLICADO,
        E.NOTIFICADO,
        E.ARCHIVADO,
    )
    FIRMADOS = (E.FIRMADO, E.NUMERADO, E.PUBLICADO, E.NOTIFICADO, E.ARCHIVADO)
    CERRADOS = (E.ARCHIVADO, E.ANULADO)
    # A new version of the text is accepted only while the producer holds the act.
    ADMITEN_VERSION = (E.BORRADOR, E.DEVUELTO)

    acceso = Politica(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION | {Rol.JURIDICA},
        organismo="organismo",
        asignados=("creado_por",),
        editan_propios=ROLES_PRODUCTORES,
    )

    tipo = models.ForeignKey(TipoActo, verbose_name=_("tipo"), on_delete=models.PROTECT)
    alcance = models.CharField(
        _("alcance"),
        max_length=12,
        choices=Alcance.choices,
        help_text=_(
            "General: se publica (CPACA art. 65). Particular: se notifica o comunica "
            "(CPACA arts. 66 a 69)."
        ),
    )
    epigrafe = models.TextField(_("epígrafe"), max_length=2000)
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo productor"),
        on_delete=models.PROTECT,
        related_name="actos",
    )
    proyecto = models.CharField(_("proyectó"), max_length=200, blank=True)
    elaboro = models.CharField(_("elaboró"), max_length=200, blank=True)
    reviso = models.CharField(_("revisó"), max_length=200, blank=True)
    radicado = models.CharField(_("radicado de Daruma"), max_length=60, blank=True)
    trd = models.CharField(_("código TRD"), max_length=60, blank=True)
    fecha_recibido = models.DateField(_("fecha de recibido"), null=True, blank=True)
    urgencia = models.CharField(
        _("urgencia"), max_length=10, choices=Urgencia.choices, default=Urgencia.NORMAL
    )
    fundamento = models.TextField(_("fundamento jurídico"), max_length=5000, blank=True)
    competencia = models.TextField(
        _("competencia"),
        max_length=2000,
        blank=True,
        help_text=_("La norma que da al Alcalde la competencia para expedir el acto."),
    )
    facultad = models.ForeignKey(
        "proyectos_acuerdo.FacultadExtraordinaria",
        verbose_name=_("facultades extraordinarias que ejerce"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actos",
        help_text=_("Las facultades pro tempore del Concejo (P004) en cuyo ejercicio se expide."),
    )

    estado = models.CharField(
        _("estado"), max_length=20, choices=Estado.choices, default=Estado.BORRADOR
    )
    version_actual = models.ForeignKey(
        "actos.VersionActo",
        verbose_name=_("versión vigente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The marks of the gate on the current version (a new version clears them).
    vb_productor_en = models.DateTimeField(_("visto bueno del productor"), null=True, blank=True)
    vb_juridica_en = models.DateTimeField(_("visto bueno del DAGJP"), null=True, blank=True)
    revision_aprobada_en = models.DateTimeField(
        _("revisión de forma aprobada"), null=True, blank=True
    )
    vb_secretario_en = models.DateTimeField(
        _("visto bueno del Secretario de Gobierno"), null=True, blank=True
    )
    # Where the act stands: since when, and by when a reminder is due (business days).
    etapa_desde = models.DateField(_("en esta etapa desde"))
    vence_etapa = models.DateField(_("aviso de la etapa"), null=True, blank=True)
    devoluciones = models.PositiveSmallIntegerField(_("devoluciones"), default=0)

    firmado_en = models.DateField(_("fecha de la firma"), null=True, blank=True)
    copia_firmada = models.ForeignKey(
        "documentos.Adjunto",
        verbose_name=_("copia firmada"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    numero = models.CharField(_("número"), max_length=60, blank=True)
    # Numbers restart every year: the year of the series the number was taken from.
    anio_numero = models.PositiveSmallIntegerField(_("año del número"), null=True, blank=True)
    fecha_expedicion = models.DateField(_("fecha de expedición"), null=True, blank=True)
    boletin_numero = models.CharField(_("Boletín Oficial No."), max_length=30, blank=True)
    fecha_publicacion = models.DateField(_("fecha de publicación"), null=True, blank=True)
    motivo_anulacion = models.TextField(_("motivo de la anulación"), blank=True)

    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrado por"),
        on_delete=models.PROTECT,
        related_name="actos_registrados",
    )
    creado_en = models.DateTimeField(_("registrado en"), auto_now_add=True)

    dia_etapa = DiaDelCalendario("etapa_desde")
    adjuntos = GenericRelation("documentos.Adjunto", object_id_field="object_id")
    history = HistoricalRecords()
    objects = ActoQuerySet.as_manager()

    class Meta:
        verbose_name = _("acto administrativo")
        verbose_name_plural = _("actos administrativos")
        ordering = ["-creado_en", "-id"]
        indexes = [
            models.Index(fields=["estado", "-creado_en", "-id"], name="acto_estado_creado"),
            models.Index(fields=["organismo", "estado", "-creado_en"], name="acto_organismo"),
            models.Index(fields=["estado", "vence_etapa"], name="acto_vence_etapa"),
            models.Index(fields=["-creado_en", "-id"], name="acto_creado"),
            models.Index(fields=["tipo", "-creado_en"], name="acto_tipo"),
        ]
        constraints = [
            models.CheckConstraint(
                name="acto_firma_exige_vistos_buenos",
                condition=~Q(estado__in=_DESDE_LA_FIRMA)
                | Q(
                    vb_productor_en__isnull=False,
                    vb_juridica_en__isnull=False,
                    revision_aprobada_en__isnull=False,
                    vb_secretario_en__isnull=False,
                ),
                violation_error_message=_(
                    "Un acto no puede estar listo para firma sin los vistos buenos del "
                    "productor y del DAGJP, la revisión de forma y el visto bueno del Secretario."
                ),
            ),
            models.CheckConstraint(
                name="acto_numerado_firmado",
                condition=Q(numero="") | Q(copia_firmada__isnull=False, firmado_en__isnull=False),
                violation_error_message=_("Solo se numera un acto firmado."),
            ),
            models.CheckConstraint(
                name="acto_publicacion_solo_general",
                condition=Q(boletin_numero="") | Q(alcance="general"),
                violation_error_message=_("Solo un acto general se publica en el Boletín."),
            ),
            models.UniqueConstraint(
                fields=["tipo", "anio_numero", "numero"],
                condition=~Q(numero=""),
                name="acto_numero_unico_por_tipo",
            ),
        ]

    def __str__(self):
        if self.numero:
            return f"{self.tipo} {self.numero}"
        epigrafe = self.epigrafe if len(self.epigrafe) <= 80 else self.epigrafe[:79] + "…"
        return f"{self.tipo}: {epigrafe}"

    def get_absolute_url(self):
        return reverse("actos:acto", args=[self.pk])

    def puede_pasar_a(self, nuevo: str) -> bool:
        return nuevo in self.TRANSICIONES.get(self.estado, set())

    @property
    def es_general(self) -> bool:
        return self.alcance == self.Alcance.GENERAL

    @property
    def cerrado(self) -> bool:
        return self.estado in self.CERRADOS

    def vistos_vigentes(self) -> dict[str, "VistoBueno"]:
        """The vistos buenos given on the current version, by kind."""
        if self.version_actual_id is None:
            return {}
        return {
            v.tipo: v
            for v in VistoBueno.objects.filter(
                acto=self, version_id=self.version_actual_id, anulado_en__isnull=True
            ).select_related("dado_por", "registrado_por")
        }

    def faltantes_para_radicar(self, vistos=None) -> list[str]:
        """What keeps the act from being received for signature (policy 2), in words."""
        vistos = self.vistos_vigentes() if vistos is None else vistos
        faltan = []
        if self.version_actual_id is None:
            faltan.append(str(_("el texto del acto (suba una versión)")))
        if VistoBueno.Tipo.PRODUCTOR not in vistos:
            faltan.append(str(_("el visto bueno del organismo productor")))
        if VistoBueno.Tipo.JURIDICA not in vistos:
            faltan.append(str(_("el visto bueno del DAGJP")))
        return faltan

    def faltantes_para_firma(self, vistos=None) -> list[str]:
        """The guard of "listo para firma": both intake vistos buenos, a passed form review
        and the Secretario's visto bueno, all on the current version."""
        vistos = self.vistos_vigentes() if vistos is None else vistos
        faltan = self.faltantes_para_radicar(vistos)
        aprobada = RevisionForma.objects.filter(
            acto=self, version_id=self.version_actual_id, aprobada=True
        ).exists()
        if not aprobada:
            faltan.append(str(_("la revisión de forma aprobada")))
        if VistoBueno.Tipo.SECRETARIO not in vistos:
            faltan.append(str(_("el visto bueno del Secretario de Gobierno")))
        return faltan

    def aviso_vigente(self, paso: str) -> bool:
        return not self.cerrado and paso.split(":")[0] in PASOS_POR_ESTADO.get(self.estado, ())

    def admite_adjuntos(self) -> bool:
        return not self.cerrado


# Reminder steps that still apply in each state (asked right before an e-mail goes out).
PASOS_POR_ESTADO = {
    ActoAdministrativo.Estado.BORRADOR: ("vb_productor", "vb_juridica"),
    ActoAdministrativo.Estado.REVISADO: ("vb_secretario",),
    ActoAdministrativo.Estado.DEVUELTO: ("devuelto",),
    ActoAdministrativo.Estado.LISTO_PARA_FIRMA: ("en_firma",),
    ActoAdministrativo.Estado.FIRMADO: ("sin_notificar",),
    ActoAdministrativo.Estado.NUMERADO: ("sin_notificar",),
}


class DelActo(ConAcceso, models.Model):
    """A row that belongs to one act: it is seen and edited as its act is."""

    acceso = Politica(
        ven_todo=VEN_TODO,
        editan_todo=ROLES_COORDINACION | {Rol.JURIDICA},
        organismo="acto__organismo",
        asignados=("acto__creado_por",),
        editan_propios=ROLES_PRODUCTORES,
    )
    objects = AccesoQuerySet.as_manager()

    class Meta:
        abstract = True


class VersionActo(DelActo):
    """One upload of the act's text (DOCX or PDF, checked by content) with its SHA-256."""

    acto = models.ForeignKey(
        ActoAdministrativo,
        verbose_name=_("acto"),
        on_delete=models.CASCADE,
        related_name="versiones",
    )
    numero = models.PositiveSmallIntegerField(_("versión"))
    documento = models.ForeignKey(
        "documentos.Adjunto",
        verbose_name=_("documento"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    autor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    creada_en = models.DateTimeField(_("fecha"), auto_now_add=True)
    comentario = models.TextField(_("comentario"), blank=True)

    class Meta:
        verbose_name = _("versión del acto")
        verbose_name_plural = _("versiones del acto")
        ordering = ["acto", "-numero"]
        constraints = [
            models.UniqueConstraint(fields=["acto", "numero"], name="version_unica_por_acto")
        ]

    def __str__(self):
        return _("Versión %(numero)s") % {"numero": self.numero}


class VistoBueno(DelActo):
    class Tipo(models.TextChoices):
        PRODUCTOR = "productor", _("Organismo productor")
        JURIDICA = "juridica", _("DAGJP")
        SECRETARIO = "secretario", _("Secretario de Gobierno")

    class Medio(models.TextChoices):
        APLICACION = "aplicacion", _("En la aplicación")
        DARUMA = "daruma", _("Documento recibido por Daruma")
        CORREO = "correo", _("Documento recibido por correo electrónico")

    acto = models.ForeignKey(
        ActoAdministrativo,
        verbose_name=_("acto"),
        on_delete=models.CASCADE,
        related_name="vistos_buenos",
    )
    version = models.ForeignKey(
        VersionActo,
        verbose_name=_("versión"),
        on_delete=models.PROTECT,
        related_name="vistos_buenos",
    )
    tipo = models.CharField(_("de"), max_length=12, choices=Tipo.choices)
    medio = models.CharField(
        _("medio"), max_length=12, choices=Medio.choices, default=Medio.APLICACION
    )
    dado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dado por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    firmante = models.CharField(
        _("quién lo firmó"),
        max_length=200,
        blank=True,
        help_text=_("Cuando llega por Daruma o correo."),
    )
    fecha = models.DateField(_("fecha"))
    soporte = models.ForeignKey(
        "documentos.Adjunto",
        verbose_name=_("documento de soporte"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    observaciones = models.TextField(_("observaciones"), blank=True)
    registrado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrado por"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    registrado_en = models.DateTimeField(_("registrado en"), auto_now_add=True)
    anulado_en = models.DateTimeField(
        _("anulado en"),
        null=True,
        blank=True,
        help_text=_("Una nueva versión del texto anula los vistos buenos de la anterior."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("visto bueno")
        verbose_name_plural = _("vistos buenos")
        ordering = ["acto", "registrado_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "tipo"],
                condition=Q(anulado_en__isnull=True),
                name="un_visto_bueno_por_version_y_tipo",
            )
        ]
        indexes = [models.Index(fields=["tipo", "anulado_en"], name="visto_tipo")]

    def __str__(self):
        return _("Visto bueno de %(quien)s, %(fecha)s") % {
            "quien": self.get_tipo_display(),
            "fecha": fecha_larga(self.fecha),
        }

    @property
    def quien(self) -> str:
        return self.firmante or (str(self.dado_por) if self.dado_por_id else "")


class RevisionForma(DelActo):
    """The Despacho's review "desde la dimensión procedimental y de forma" of one version."""

    acto = models.ForeignKey(
        ActoAdministrativo,
        verbose_name=_("acto"),
        on_delete=models.CASCADE,
        related_name="revisiones",
    )
    version = models.ForeignKey(
        VersionActo, verbose_name=_("versión"), on_delete=models.PROTECT, related_name="revisiones"
    )
    aprobada = models.BooleanField(_("aprobada"))
    observaciones = models.TextField(_("observaciones generales"), blank=True)
    revisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revisor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    revisada_en = models.DateTimeField(_("fecha"), auto_now_add=True)
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo productor"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Copiado del acto: las devoluciones se cuentan por organismo."),
    )

    class Meta:
        verbose_name = _("revisión de forma")
        verbose_name_plural = _("revisiones de forma")
        ordering = ["acto", "revisada_en"]
        indexes = [models.Index(fields=["aprobada", "organismo"], name="revision_organismo")]

    def __str__(self):
        return _("Revisión de la versión %(numero)s") % {"numero": self.version.numero}


class ItemRevision(models.Model):
    class Item(models.TextChoices):
        COMPETENCIA = "competencia", _("Competencia")
        EPIGRAFE = "epigrafe", _("Epígrafe")
        CONSIDERANDOS = "considerandos", _("Considerandos")
        FUNDAMENTO = "fundamento", _("Fundamento jurídico")
        ARTICULADO = "articulado", _("Articulado numerado")
        VIGENCIA = "vigencia", _("Vigencia y derogatorias")
        RECURSOS = "recursos", _("Recursos (actos particulares)")
        ANTEFIRMAS = "antefirmas", _("Antefirmas (proyectó, elaboró, revisó)")
        ANEXOS = "anexos", _("Anexos")
        ESTILO = "estilo", _("Estilo y redacción")

    revision = models.ForeignKey(
        RevisionForma, verbose_name=_("revisión"), on_delete=models.CASCADE, related_name="items"
    )
    item = models.CharField(_("aspecto"), max_length=20, choices=Item.choices)
    cumple = models.BooleanField(_("cumple"))
    observacion = models.TextField(_("observación"), blank=True)

    class Meta:
        verbose_name = _("aspecto revisado")
        verbose_name_plural = _("aspectos revisados")
        ordering = ["revision", "id"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "item"], name="item_unico_por_revision")
        ]
        indexes = [models.Index(fields=["cumple", "item"], name="item_cumple")]

    def __str__(self):
        return self.get_item_display()


class Notificacion(DelActo):
    """The notification or communication of a particular act (CPACA arts. 66–69)."""

    class Medio(models.TextChoices):
        PERSONAL = "personal", _("Personal")
        ELECTRONICO = "electronico", _("Electrónica")
        AVISO = "aviso", _("Por aviso")
        COMUNICACION = "comunicacion", _("Comunicación")

    acto = models.ForeignKey(
        ActoAdministrativo,
        verbose_name=_("acto"),
        on_delete=models.CASCADE,
        related_name="notificaciones",
    )
    destinatario = models.CharField(_("a quién"), max_length=200)
    medio = models.CharField(_("cómo"), max_length=15, choices=Medio.choices)
    fecha = models.DateField(_("fecha"))
    recursos = models.TextField(
        _("recursos que proceden"),
        help_text=_("Por ejemplo: reposición ante el Alcalde, dentro de los diez días siguientes."),
    )
    registrada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("notificación")
        verbose_name_plural = _("notificaciones")
        ordering = ["acto", "fecha", "id"]

    def __str__(self):
        return f"{self.destinatario} ({fecha_larga(self.fecha)})"


class RelacionActo(models.Model):
    class Tipo(models.TextChoices):
        MODIFICA = "modifica", _("Modifica")
        DEROGA = "deroga", _("Deroga")
        REGLAMENTA = "reglamenta", _("Reglamenta")

    acto = models.ForeignKey(
        ActoAdministrativo,
        verbose_name=_("acto"),
        on_delete=models.CASCADE,
        related_name="relaciones",
    )
    tipo = models.CharField(_("relación"), max_length=12, choices=Tipo.choices)
    referencia = models.CharField(
        _("acto o norma"),
        max_length=300,
        help_text=_("Por ejemplo: Decreto 4112.010.20.0516 de 2016."),
    )

    class Meta:
        verbose_name = _("acto relacionado")
        verbose_name_plural = _("actos relacionados")
        ordering = ["acto", "id"]

    def __str__(self):
        return f"{self.get_tipo_display()} {self.referencia}"


class EtapaActo(models.Model):
    """The time an act spent in one stage (state), for the business-day averages."""

    acto = models.ForeignKey(
        ActoAdministrativo, verbose_name=_("acto"), on_delete=models.CASCADE, related_name="etapas"
    )
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    etapa = models.CharField(_("etapa"), max_length=20, choices=ActoAdministrativo.Estado.choices)
    inicio = models.DateField(_("inicio"))
    fin = models.DateField(_("fin"))

    dia_inicio = DiaDelCalendario("inicio")
    dia_fin = DiaDelCalendario("fin")

    class Meta:
        verbose_name = _("etapa del acto")
        verbose_name_plural = _("etapas del acto")
        ordering = ["acto", "inicio", "id"]
        indexes = [models.Index(fields=["organismo", "etapa"], name="etapa_organismo")]

    def __str__(self):
        return self.get_etapa_display()
