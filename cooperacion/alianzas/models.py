"""P006 Alianzas internacionales, and the register of cooperantes the three procedures of the
Oficina de Relaciones y Cooperación share (P006, P007, P008).

A Cooperante is any party the Alcaldía cooperates with, foreign or national. An Alianza is the
instrument signed with one or more of them (convenio, memorando, hermanamiento…): it is
managed (en gestión) until the DAGJP's legal review is favourable and it is signed (vigente),
then it expires (vencida) or is ended early (terminada). Its resources are recorded in their
own currency with the COP equivalent, the rate used and the rate's date.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buengobierno.documentos.formato import fecha_larga
from buengobierno.organizacion.acceso import AccesoQuerySet, ConAcceso, Politica
from buengobierno.organizacion.roles import Rol
from cooperacion.catalogos import MONEDA_LOCAL, MONEDAS, ODS, PAISES

# The Oficina de Relaciones y Cooperación leads; the Despacho and the Secretario read and
# follow up; Control Interno reads; the DAGJP (Jurídica) reviews instruments before signature.
ROLES_OFICINA = frozenset({Rol.RELACIONES})
ROLES_LECTURA = frozenset({Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA, Rol.JURIDICA})


class ObjetivoDesarrollo(models.Model):
    """One of the 17 Objetivos de Desarrollo Sostenible (filled by a migration)."""

    numero = models.PositiveSmallIntegerField(_("número"), primary_key=True)
    nombre = models.CharField(_("nombre"), max_length=120)

    class Meta:
        verbose_name = _("objetivo de desarrollo sostenible")
        verbose_name_plural = _("objetivos de desarrollo sostenible")
        ordering = ["numero"]

    def __str__(self):
        return f"ODS {self.numero}. {self.nombre}"


def sembrar_ods(apps=None) -> None:
    modelo = apps.get_model("cooperacion_alianzas", "ObjetivoDesarrollo") if apps else None
    modelo = modelo or ObjetivoDesarrollo
    for numero, nombre in ODS:
        modelo.objects.get_or_create(numero=numero, defaults={"nombre": str(nombre)})


class Cooperante(ConAcceso, models.Model):
    class Tipo(models.TextChoices):
        GOBIERNO = "gobierno", _("Gobierno extranjero")
        EMBAJADA = "embajada", _("Embajada o consulado")
        AGENCIA_BILATERAL = "agencia_bilateral", _("Agencia de cooperación bilateral")
        MULTILATERAL = "multilateral", _("Organismo multilateral")
        CIUDAD_HERMANA = "ciudad_hermana", _("Ciudad hermana")
        ONG_INTERNACIONAL = "ong_internacional", _("ONG internacional")
        PRIVADO = "privado", _("Sector privado")
        NACIONAL = "nacional", _("Entidad nacional")

    nombre = models.CharField(_("nombre"), max_length=200, unique=True)
    sigla = models.CharField(_("sigla"), max_length=30, blank=True)
    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices)
    pais = models.CharField(_("país"), max_length=2, choices=PAISES, help_text=_("ISO 3166-1."))
    areas_interes = models.TextField(_("áreas de interés"), blank=True)
    sitio_web = models.URLField(_("sitio web"), blank=True)
    activo = models.BooleanField(_("activo"), default=True)
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrado por"),
        on_delete=models.PROTECT,
        related_name="cooperantes_registrados",
    )
    creado_en = models.DateTimeField(_("registrado en"), default=timezone.now)

    acceso = Politica(
        ven_todo=ROLES_OFICINA | ROLES_LECTURA, editan_todo=ROLES_OFICINA, asignados=("creado_por",)
    )
    objects = AccesoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cooperante")
        verbose_name_plural = _("cooperantes")
        ordering = ["nombre"]
        indexes = [
            models.Index(fields=["tipo", "nombre"]),
            models.Index(fields=["pais", "nombre"]),
        ]

    def __str__(self):
        return f"{self.nombre} ({self.sigla})" if self.sigla else self.nombre

    def get_absolute_url(self):
        return reverse("cooperacion_alianzas:cooperante", args=[self.pk])

    @property
    def es_nacional(self) -> bool:
        return self.tipo == self.Tipo.NACIONAL


class ContactoCooperante(models.Model):
    """A person to talk to at a cooperante. Personal data under Ley 1581 de 2012: only what
    the cooperation needs, and recorded only once the person was told (aviso_informado)."""

    cooperante = models.ForeignKey(
        Cooperante, verbose_name=_("cooperante"), on_delete=models.CASCADE, related_name="contactos"
    )
    nombre = models.CharField(_("nombre"), max_length=150)
    cargo = models.CharField(_("cargo"), max_length=150, blank=True)
    correo = models.EmailField(_("correo"), blank=True)
    telefono = models.CharField(_("teléfono"), max_length=40, blank=True)
    aviso_informado = models.BooleanField(
        _("se informó al titular el aviso de privacidad (Ley 1581 de 2012)"), default=False
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contacto del cooperante")
        verbose_name_plural = _("contactos del cooperante")
        ordering = ["nombre", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(aviso_informado=True),
                name="contacto_cooperante_con_aviso_ley_1581",
                violation_error_message=_(
                    "Registre el contacto solo después de informarle el aviso de privacidad."
                ),
            )
        ]

    def __str__(self):
        return f"{self.nombre} — {self.cargo}" if self.cargo else self.nombre


class PoliticaAlianza(Politica):
    pass


class AlianzaQuerySet(AccesoQuerySet):
    def por_vencer(self, hoy, dias: int = 90):
        from datetime import timedelta

        return self.filter(
            estado=Alianza.Estado.VIGENTE,
            fecha_fin_vigencia__gte=hoy,
            fecha_fin_vigencia__lte=hoy + timedelta(days=dias),
        )


class Alianza(ConAcceso, models.Model):
    class Instrumento(models.TextChoices):
        CONVENIO = "convenio", _("Convenio")
        MEMORANDO = "memorando", _("Memorando de entendimiento")
        HERMANAMIENTO = "hermanamiento", _("Hermanamiento")
        CARTA_INTENCION = "carta_intencion", _("Carta de intención")
        ACUERDO = "acuerdo", _("Acuerdo de cooperación")

    class Estado(models.TextChoices):
        EN_GESTION = "en_gestion", _("En gestión")
        VIGENTE = "vigente", _("Vigente")
        VENCIDA = "vencida", _("Vencida")
        TERMINADA = "terminada", _("Terminada")

    class Concepto(models.TextChoices):
        PENDIENTE = "pendiente", _("Sin concepto")
        SOLICITADO = "solicitado", _("Solicitado a la DAGJP")
        FAVORABLE = "favorable", _("Favorable")
        CON_OBSERVACIONES = "observaciones", _("Con observaciones")

    TRANSICIONES = {
        Estado.EN_GESTION: {Estado.VIGENTE, Estado.TERMINADA},
        Estado.VIGENTE: {Estado.VENCIDA, Estado.TERMINADA},
        Estado.VENCIDA: set(),
        Estado.TERMINADA: set(),
    }

    nombre = models.CharField(_("nombre de la alianza"), max_length=200)
    instrumento = models.CharField(_("instrumento"), max_length=20, choices=Instrumento.choices)
    cooperante = models.ForeignKey(
        Cooperante,
        verbose_name=_("cooperante principal"),
        on_delete=models.PROTECT,
        related_name="alianzas",
    )
    otras_partes = models.ManyToManyField(
        Cooperante,
        verbose_name=_("otras partes"),
        blank=True,
        related_name="alianzas_como_parte",
    )
    objeto = models.TextField(_("objeto"))
    areas = models.CharField(_("áreas de cooperación"), max_length=255, blank=True)
    ods = models.ManyToManyField(
        ObjetivoDesarrollo, verbose_name=_("ODS"), blank=True, related_name="alianzas"
    )
    organismo = models.ForeignKey(
        "organizacion.Organismo",
        verbose_name=_("organismo que la gestiona"),
        on_delete=models.PROTECT,
        related_name="alianzas",
    )
    responsable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.PROTECT,
        related_name="alianzas_a_cargo",
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=Estado.choices, default=Estado.EN_GESTION
    )
    fecha_firma = models.DateField(_("fecha de firma"), null=True, blank=True)
    fecha_fin_vigencia = models.DateField(_("fin de la vigencia"), null=True, blank=True)
    renovacion_automatica = models.BooleanField(_("renovación automática"), default=False)
    # Policy 2 of the circular: the DAGJP reviews the instrument before it is signed.
    concepto_juridico = models.CharField(
        _("concepto jurídico (DAGJP)"),
        max_length=14,
        choices=Concepto.choices,
        default=Concepto.PENDIENTE,
    )
    concepto_observaciones = models.TextField(_("observaciones del concepto"), blank=True)
    concepto_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("concepto emitido por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conceptos_de_alianzas",
    )
    concepto_en = models.DateTimeField(_("concepto emitido en"), null=True, blank=True)
    motivo_terminacion = models.TextField(_("motivo de la terminación"), blank=True)
    reuniones = models.ManyToManyField(
        "compromisos.Reunion",
        verbose_name=_("reuniones de articulación"),
        blank=True,
        related_name="alianzas",
    )
    creado_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrada por"),
        on_delete=models.PROTECT,
        related_name="alianzas_registradas",
    )
    creado_en = models.DateTimeField(_("registrada en"), default=timezone.now)

    acceso = PoliticaAlianza(
        ven_todo=ROLES_OFICINA | ROLES_LECTURA,
        editan_todo=ROLES_OFICINA,
        organismo="organismo",
        asignados=("responsable", "creado_por"),
        editan_propios={Rol.DIRECTIVO, Rol.ENLACE},
    )
    objects = AlianzaQuerySet.as_manager()
    history = HistoricalRecords()
    recordatorios = GenericRelation("avisos.Recordatorio")

    class Meta:
        verbose_name = _("alianza")
        verbose_name_plural = _("alianzas")
        ordering = ["-creado_en", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fecha_fin_vigencia__isnull=True)
                | Q(fecha_firma__isnull=True)
                | Q(fecha_fin_vigencia__gte=models.F("fecha_firma")),
                name="alianza_vigencia_despues_de_la_firma",
                violation_error_message=_(
                    "El fin de la vigencia no puede ser anterior a la fecha de firma."
                ),
            ),
            models.CheckConstraint(
                condition=Q(estado="en_gestion")
                | Q(estado="terminada", fecha_firma__isnull=True)
                | Q(fecha_firma__isnull=False),
                name="alianza_firmada_tiene_fecha_de_firma",
            ),
            models.CheckConstraint(
                condition=~Q(estado="terminada") | ~Q(motivo_terminacion=""),
                name="alianza_terminada_tiene_motivo",
                violation_error_message=_("Indique el motivo de la terminación."),
            ),
        ]
        indexes = [
            models.Index(fields=["creado_en", "id"], name="alianza_lista"),
            models.Index(fields=["estado", "fecha_fin_vigencia"], name="alianza_vence"),
            models.Index(fields=["organismo", "creado_en"], name="alianza_organismo"),
            models.Index(fields=["cooperante", "creado_en"], name="alianza_cooperante"),
            # The list's filters, each followed by its order (newest first).
            models.Index(fields=["estado", "creado_en", "id"], name="alianza_lista_estado"),
            models.Index(
                fields=["instrumento", "creado_en", "id"], name="alianza_lista_instrumento"
            ),
        ]

    def __str__(self):
        return f"{self.get_instrumento_display()}: {self.nombre}"

    def get_absolute_url(self):
        return reverse("cooperacion_alianzas:alianza", args=[self.pk])

    def puede_pasar_a(self, estado) -> bool:
        return estado in self.TRANSICIONES[self.estado]

    @property
    def vigencia_mostrada(self) -> str:
        if not self.fecha_firma:
            return ""
        fin = fecha_larga(self.fecha_fin_vigencia) if self.fecha_fin_vigencia else _("indefinida")
        return f"{fecha_larga(self.fecha_firma)} – {fin}"

    def aviso_vigente(self, paso: str) -> bool:
        return self.estado == self.Estado.VIGENTE

    def admite_adjuntos(self) -> bool:
        return self.estado in (self.Estado.EN_GESTION, self.Estado.VIGENTE)


class RecursoAlianza(models.Model):
    """A resource an alliance brings: an amount in its currency (ISO 4217) and its COP
    equivalent at the stated rate (COP per unit) on the stated date; or, for technical
    assistance and in-kind resources, possibly only a description."""

    class Tipo(models.TextChoices):
        FINANCIERO = "financiero", _("Financiero")
        TECNICO = "tecnico", _("Cooperación técnica")
        ESPECIE = "especie", _("En especie")

    alianza = models.ForeignKey(
        Alianza, verbose_name=_("alianza"), on_delete=models.CASCADE, related_name="recursos"
    )
    tipo = models.CharField(_("tipo de recurso"), max_length=12, choices=Tipo.choices)
    descripcion = models.CharField(_("descripción"), max_length=255)
    anio = models.PositiveSmallIntegerField(_("año"), help_text=_("Año en que se aporta."))
    monto = models.DecimalField(_("monto"), max_digits=18, decimal_places=2, null=True, blank=True)
    moneda = models.CharField(_("moneda"), max_length=3, choices=MONEDAS, blank=True)
    tasa_cambio = models.DecimalField(
        _("tasa de cambio (COP por unidad)"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
    )
    fecha_tasa = models.DateField(_("fecha de la tasa"), null=True, blank=True)
    valor_cop = models.DecimalField(
        _("equivalente en COP"), max_digits=20, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("recurso de la alianza")
        verbose_name_plural = _("recursos de la alianza")
        ordering = ["anio", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(monto__isnull=True, moneda="")
                | Q(monto__isnull=False, monto__gte=0) & ~Q(moneda=""),
                name="recurso_monto_con_moneda",
                violation_error_message=_("Un monto necesita su moneda, y una moneda su monto."),
            ),
            models.CheckConstraint(
                condition=Q(tasa_cambio__isnull=True) | Q(fecha_tasa__isnull=False),
                name="recurso_tasa_con_fecha",
                violation_error_message=_("Indique la fecha de la tasa de cambio."),
            ),
            models.CheckConstraint(
                condition=Q(monto__isnull=True)
                | Q(moneda=MONEDA_LOCAL)
                | Q(tasa_cambio__isnull=False, tasa_cambio__gt=0),
                name="recurso_extranjero_con_tasa",
                violation_error_message=_(
                    "Un monto en moneda extranjera necesita la tasa de cambio a pesos."
                ),
            ),
        ]
        indexes = [models.Index(fields=["anio", "alianza"], name="recurso_anio")]

    def __str__(self):
        return self.descripcion

    def save(self, *args, **kwargs):
        if self.moneda == MONEDA_LOCAL:
            self.tasa_cambio = None
            self.fecha_tasa = None
        self.valor_cop = self.equivalente_cop(self.monto, self.moneda, self.tasa_cambio)
        super().save(*args, **kwargs)

    @staticmethod
    def equivalente_cop(monto, moneda, tasa) -> Decimal | None:
        if monto is None:
            return None
        factor = Decimal(1) if moneda == MONEDA_LOCAL else tasa
        if factor is None:
            return None
        return (Decimal(monto) * Decimal(factor)).quantize(Decimal("0.01"), ROUND_HALF_UP)
