"""Controlled forms, attachments and consecutive numbers: the documents every procedure shares.

The logic lives beside the models: `pdf.py` renders forms, `adjuntos.py` validates and stores
attachments, `consecutivos.py` hands out gap-free numbers.
"""

import os
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from buengobierno.organizacion.acceso import AccesoQuerySet, ConAcceso, Politica
from buengobierno.organizacion.roles import Rol

PROCESO_BUEN_GOBIERNO = "Gestión del Buen Gobierno (MEDE01.09)"


class FormularioControlado(ConAcceso, models.Model):
    """A form of the quality system (SIG): its code, version and effective date go on every PDF.

    When the SIG issues a new version, an administrator edits the version and date here; PDFs
    generated from then on carry the new header.
    """

    codigo = models.CharField(
        _("código"), max_length=40, unique=True, help_text=_("Por ejemplo MEDE01.09.P001.F001.")
    )
    nombre = models.CharField(_("nombre"), max_length=200)
    version = models.CharField(_("versión"), max_length=10, default="01")
    fecha_vigencia = models.DateField(_("fecha de vigencia"))
    proceso = models.CharField(_("proceso"), max_length=200, default=PROCESO_BUEN_GOBIERNO)
    activo = models.BooleanField(_("activo"), default=True)

    # Everyone with a role reads the catalogue (and downloads the blank official template
    # attached to a form); only administrators change it, through the admin.
    acceso = Politica(ven_todo=set(Rol), editan_todo={Rol.ADMINISTRADOR})
    objects = AccesoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("formulario controlado")
        verbose_name_plural = _("formularios controlados")
        ordering = ["codigo"]

    def __str__(self):
        return f"{self.codigo} {self.nombre}"


class AdjuntoQuerySet(models.QuerySet):
    def de(self, objeto):
        """The attachments of one record, newest first (its generated PDFs are not listed:
        they are the record's own documents, see congelados.py)."""
        return (
            self.filter(
                content_type=ContentType.objects.get_for_model(objeto),
                object_id=objeto.pk,
                generado="",
            )
            .select_related("subido_por")
            .order_by("-subido_en", "-pk")
        )


def ruta_adjunto(instancia, nombre: str) -> str:
    """A random name under adjuntos/YYYY/MM/: the original name is kept only in the database,
    so nobody can guess a path and no user-chosen name reaches the filesystem."""
    extension = os.path.splitext(nombre)[1].lower()
    return timezone.localdate().strftime("adjuntos/%Y/%m/") + uuid.uuid4().hex + extension


class Adjunto(models.Model):
    """A file attached to any record; served only by the `documentos:adjunto` view."""

    class Tipo(models.TextChoices):
        PDF = "pdf", "PDF"
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"
        DOCX = "docx", _("Documento de Word (DOCX)")
        XLSX = "xlsx", _("Hoja de cálculo de Excel (XLSX)")
        PPTX = "pptx", _("Presentación de PowerPoint (PPTX)")
        ODT = "odt", _("Documento de texto (ODT)")
        ODS = "ods", _("Hoja de cálculo (ODS)")
        ODP = "odp", _("Presentación (ODP)")
        CSV = "csv", "CSV"
        TXT = "txt", _("Texto plano")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("tipo de registro"), on_delete=models.PROTECT
    )
    object_id = models.PositiveBigIntegerField(_("registro"))
    objeto = GenericForeignKey("content_type", "object_id")
    archivo = models.FileField(_("archivo"), upload_to=ruta_adjunto, max_length=255)
    nombre_original = models.CharField(_("nombre original"), max_length=255)
    tipo = models.CharField(_("tipo"), max_length=10, choices=Tipo.choices)
    tamano = models.PositiveBigIntegerField(_("tamaño (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    descripcion = models.CharField(_("descripción"), max_length=255, blank=True)
    subido_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("subido por"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="adjuntos_subidos",
    )
    subido_en = models.DateTimeField(_("subido en"), default=timezone.now)
    # A PDF the platform rendered from its record once the record froze (congelados.py):
    # which document it is and the seal of the state it shows. Blank for uploaded files.
    generado = models.CharField(
        _("documento generado"),
        max_length=60,
        blank=True,
        help_text=_("Por ejemplo «compromisos.acta»; vacío para los archivos subidos."),
    )
    sello = models.CharField(_("sello del estado"), max_length=64, blank=True)

    objects = AdjuntoQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("adjunto")
        verbose_name_plural = _("adjuntos")
        ordering = ["-subido_en", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            # Rendered once: two workers storing the same frozen document keep one.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "generado", "sello"],
                condition=~models.Q(generado=""),
                name="adjunto_documento_generado_unico",
            )
        ]

    def __str__(self):
        return self.nombre_original

    @property
    def tamano_legible(self) -> str:
        return filesizeformat(self.tamano)


FORMATO_CONSECUTIVO_POR_DEFECTO = "{anio}-{numero:04d}"


def validar_formato_consecutivo(formato: str) -> None:
    if "{numero" not in formato:
        raise ValidationError(
            _("El formato debe incluir {numero}, por ejemplo {anio}-{numero:04d}.")
        )
    try:
        formato.format(numero=1, anio=2026)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError(
            _("El formato «%(formato)s» no es válido (%(error)s). Use {numero} y {anio}."),
            params={"formato": formato, "error": exc},
        ) from None


class SerieConsecutiva(models.Model):
    """A numbering series (decrees, actas, delegation letters); numbers restart every year."""

    codigo = models.SlugField(_("código"), max_length=60, unique=True)
    nombre = models.CharField(_("nombre"), max_length=200)
    formato = models.CharField(
        _("formato"),
        max_length=100,
        default=FORMATO_CONSECUTIVO_POR_DEFECTO,
        validators=[validar_formato_consecutivo],
        help_text=_(
            "Cómo se escribe el número: {numero} es el consecutivo del año y {anio} el año. "
            "{numero:04d} lo rellena con ceros a cuatro cifras. Ejemplo: 4112.010.20.{numero:04d}."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("serie consecutiva")
        verbose_name_plural = _("series consecutivas")
        ordering = ["nombre"]

    def __str__(self):
        return self.nombre

    def formatear(self, *, numero: int, anio: int) -> str:
        return self.formato.format(numero=numero, anio=anio)


class ContadorConsecutivo(models.Model):
    """The last number given in one series and year; its row is the lock that serializes."""

    serie = models.ForeignKey(
        SerieConsecutiva,
        verbose_name=_("serie"),
        on_delete=models.PROTECT,
        related_name="contadores",
    )
    anio = models.PositiveSmallIntegerField(_("año"))
    ultimo = models.PositiveIntegerField(
        _("último número asignado"),
        default=0,
        help_text=_("Cambiarlo a mano puede repetir o saltar números; hágalo solo para migrar."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contador consecutivo")
        verbose_name_plural = _("contadores consecutivos")
        ordering = ["serie", "-anio"]
        constraints = [
            models.UniqueConstraint(
                fields=["serie", "anio"], name="contador_unico_por_serie_y_anio"
            )
        ]

    def __str__(self):
        return f"{self.serie} {self.anio}: {self.ultimo}"


class Firmante(models.Model):
    """Who signs the documents issued in the name of an authority (the delegation letters):
    name and office, kept by an administrator so a change of Alcalde or Secretario is one edit.
    """

    class Autoridad(models.TextChoices):
        ALCALDE = "alcalde", _("Alcalde de Santiago de Cali")
        SECRETARIO = "secretario", _("Secretario de Gobierno")

    autoridad = models.CharField(
        _("autoridad"), max_length=12, choices=Autoridad.choices, unique=True
    )
    nombre = models.CharField(
        _("nombre de quien firma"),
        max_length=200,
        blank=True,
        help_text=_("Como debe aparecer bajo la línea de firma. Vacío: solo el cargo."),
    )
    cargo = models.CharField(_("cargo"), max_length=200)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("firmante")
        verbose_name_plural = _("firmantes de documentos")
        ordering = ["autoridad"]

    def __str__(self):
        return f"{self.nombre or '—'}, {self.cargo}"

    @classmethod
    def de(cls, autoridad: str) -> "Firmante":
        """The signatory of `autoridad`; an unsaved one with the office alone if not set."""
        firmante = cls.objects.filter(autoridad=autoridad).first()
        if firmante is None:
            firmante = cls(autoridad=autoridad, cargo=cls.Autoridad(autoridad).label)
        return firmante
