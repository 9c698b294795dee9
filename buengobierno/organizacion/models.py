from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The only organism code known for sure (DESIGN.md); the others are editable data.
CODIGO_SECRETARIA_DE_GOBIERNO = "4112"


class Organismo(models.Model):
    class Tipo(models.TextChoices):
        DESPACHO = "despacho", _("Despacho del Alcalde")
        SECRETARIA = "secretaria", _("Secretaría")
        DEPARTAMENTO = "departamento", _("Departamento administrativo")
        UNIDAD = "unidad", _("Unidad administrativa especial")
        OFICINA = "oficina", _("Oficina")
        DESCENTRALIZADA = "descentralizada", _("Entidad descentralizada")
        OTRO = "otro", _("Otro")

    codigo = models.CharField(_("código"), max_length=20, unique=True)
    nombre = models.CharField(_("nombre"), max_length=200, unique=True)
    sigla = models.CharField(_("sigla"), max_length=30, blank=True)
    tipo = models.CharField(_("tipo"), max_length=20, choices=Tipo.choices, default=Tipo.SECRETARIA)
    padre = models.ForeignKey(
        "self",
        verbose_name=_("organismo superior"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dependencias",
    )
    jefe = models.ForeignKey(
        "organizacion.Usuario",
        verbose_name=_("jefe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organismos_dirigidos",
        help_text=_("Recibe los escalamientos de su organismo."),
    )
    correo = models.EmailField(_("correo institucional"), blank=True)
    activo = models.BooleanField(_("activo"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organismo")
        verbose_name_plural = _("organismos")
        ordering = ["nombre"]

    def __str__(self):
        return f"{self.sigla} — {self.nombre}" if self.sigla else self.nombre


class Usuario(AbstractUser):
    class Tratamiento(models.TextChoices):
        SENOR = "senor", _("Señor")
        SENORA = "senora", _("Señora")

    class Nivel(models.TextChoices):
        """Levels of public employment (Decreto 785 de 2005, art. 3), plus contractors, whom
        the circular also addresses. Policy 3 asks the "nivel directivo" for the ficha."""

        DIRECTIVO = "directivo", _("Directivo")
        ASESOR = "asesor", _("Asesor")
        PROFESIONAL = "profesional", _("Profesional")
        TECNICO = "tecnico", _("Técnico")
        ASISTENCIAL = "asistencial", _("Asistencial")
        CONTRATISTA = "contratista", _("Contratista")

    organismo = models.ForeignKey(
        Organismo,
        verbose_name=_("organismo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="usuarios",
    )
    cargo = models.CharField(_("cargo"), max_length=150, blank=True)
    nivel = models.CharField(
        _("nivel"),
        max_length=12,
        choices=Nivel.choices,
        blank=True,
        help_text=_("Nivel jerárquico del empleo (o contratista)."),
    )
    telefono = models.CharField(_("teléfono"), max_length=30, blank=True)
    tratamiento = models.CharField(
        _("tratamiento"),
        max_length=6,
        choices=Tratamiento.choices,
        blank=True,
        help_text=_("Cómo se le nombra en las cartas y documentos oficiales."),
    )

    objects = UserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("usuario")
        verbose_name_plural = _("usuarios")
        ordering = ["first_name", "last_name", "username"]
        indexes = [models.Index(fields=["organismo", "is_active"])]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def cargo_y_nivel(self) -> str:
        """'Secretario de Salud Pública (nivel directivo)', for pickers and letters."""
        partes = [self.cargo] if self.cargo else []
        if self.nivel == self.Nivel.CONTRATISTA:
            partes.append(str(_("contratista")))
        elif self.nivel:
            partes.append(str(_("nivel %(nivel)s")) % {"nivel": self.get_nivel_display().lower()})
        if len(partes) == 2:
            return f"{partes[0]} ({partes[1]})"
        return partes[0] if partes else ""

    @property
    def nombre_y_cargo(self) -> str:
        return f"{self}, {self.cargo}" if self.cargo else str(self)
