"""Load a demonstration: the organisms, one user per role and each procedure's sample data.

    python manage.py cargar_demo            # only with DEBUG on
    python manage.py cargar_demo --forzar   # anywhere (never on a production database!)
    python manage.py cargar_demo --clave "Otra-Clave-2026"

How a procedure plugs its demo in: give the app a module `demo.py` (e.g. `compromisos/demo.py`)
with one function

    def cargar(*, usuarios, stdout):
        '''usuarios: dict username -> Usuario (admin, despacho, secretario, relaciones,
        directivo, enlace, juridica, viabilizador, consulta); stdout: the command's output.'''
        reunion, creada = Reunion.objects.get_or_create(titulo="Consejo de Gobierno …", defaults={…})
        …
        stdout.write("Compromisos: 1 reunión y 4 compromisos de demostración.")

The command calls it for every installed ProcedimientoConfig app, in procedure-code order,
each inside its own transaction, after the organisms and users exist. It must be idempotent:
running the command twice must not duplicate anything (use get_or_create / update_or_create
on a natural key). Build dates relative to today (timezone.localdate()) so the demo always
shows something due soon and something overdue. Go through the app's services, so the demo
data obey the same rules as real data, and do not send e-mail (reminders are sent by the
periodic scans, not by the loader).
"""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from django.utils.text import slugify

from buengobierno.documentos.models import Firmante
from buengobierno.organizacion.models import CODIGO_SECRETARIA_DE_GOBIERNO, Organismo, Usuario
from buengobierno.organizacion.roles import Rol
from buengobierno.web.procedimientos import procedimientos

CLAVE_DEMO = "BuenGobierno2026!"

# The demo users have used the system for a year: their desk does not show the process
# map meant for new users (the sidebar has it).
ANTIGUEDAD_DEMO = timedelta(days=365)
# How the letters address each demo user (Usuario.tratamiento).
TRATAMIENTO_DEMO = {
    "admin": "senor",
    "despacho": "senora",
    "secretario": "senor",
    "relaciones": "senora",
    "directivo": "senor",
    "enlace": "senora",
    "juridica": "senora",
    "viabilizador": "senor",
    "consulta": "senora",
}
# Who signs the delegation letters in the demo (Firmante, set by an admin in production).
FIRMANTES_DEMO = {
    "alcalde": ("Alejandro Andrés Arango Ruiz", "Alcalde de Santiago de Cali"),
    "secretario": ("Jaime Alberto Restrepo Zapata", "Secretario de Gobierno"),
}

# username, role, first name, last name, cargo, organism (by name), heads the organism
USUARIOS_DEMO = [
    (
        "admin",
        Rol.ADMINISTRADOR,
        "Andrés Felipe",
        "Ocampo Rengifo",
        "Profesional especializado — administrador del sistema",
        "Departamento Administrativo de Tecnologías de la Información y las Comunicaciones",
        False,
    ),
    (
        "despacho",
        Rol.DESPACHO,
        "Luisa Fernanda",
        "Caicedo Mosquera",
        "Profesional universitaria del Despacho",
        "Secretaría de Gobierno",
        False,
    ),
    (
        "secretario",
        Rol.SECRETARIO,
        "Jaime Alberto",
        "Restrepo Zapata",
        "Secretario de Gobierno",
        "Secretaría de Gobierno",
        True,
    ),
    (
        "relaciones",
        Rol.RELACIONES,
        "Valentina",
        "Quintero Arboleda",
        "Jefe de la Oficina de Relaciones y Cooperación",
        "Oficina de Relaciones y Cooperación",
        True,
    ),
    (
        "directivo",
        Rol.DIRECTIVO,
        "Carlos Eduardo",
        "Valencia Lozano",
        "Secretario de Salud Pública",
        "Secretaría de Salud Pública",
        True,
    ),
    (
        "enlace",
        Rol.ENLACE,
        "Diana Marcela",
        "Riascos Potes",
        "Contratista — enlace de planeación",
        "Secretaría de Salud Pública",
        False,
    ),
    (
        "juridica",
        Rol.JURIDICA,
        "Martha Lucía",
        "Hurtado Bonilla",
        "Abogada — Subdirección de Doctrina y Asuntos Normativos",
        "Departamento Administrativo de Gestión Jurídica Pública",
        False,
    ),
    (
        "viabilizador",
        Rol.VIABILIZADOR,
        "Juan Sebastián",
        "Castillo Vélez",
        "Profesional especializado — Subdirección de Finanzas Públicas",
        "Departamento Administrativo de Hacienda",
        False,
    ),
    (
        "consulta",
        Rol.CONSULTA,
        "Gloria Inés",
        "Mejía Salazar",
        "Auditora de Control Interno",
        "Departamento Administrativo de Control Interno",
        False,
    ),
]


# The level of each demo user's post (Usuario.nivel: the delegation form shows it).
NIVEL_DEMO = {
    "secretario": Usuario.Nivel.DIRECTIVO,
    "relaciones": Usuario.Nivel.DIRECTIVO,
    "directivo": Usuario.Nivel.DIRECTIVO,
    "enlace": Usuario.Nivel.CONTRATISTA,
}


def _correo(nombres: str, apellidos: str) -> str:
    return f"{slugify(nombres.split()[0])}.{slugify(apellidos.split()[0])}@cali.gov.co"


@transaction.atomic
def crear_usuarios_demo(*, clave: str) -> dict[str, Usuario]:
    """One user per role, in its organism, with `clave`; heads set on their organisms."""
    usuarios = {}
    for nombre_usuario, rol, nombres, apellidos, cargo, organismo_nombre, es_jefe in USUARIOS_DEMO:
        organismo = Organismo.objects.filter(nombre=organismo_nombre).first()
        if organismo is None and organismo_nombre == "Secretaría de Gobierno":
            organismo = Organismo.objects.get(codigo=CODIGO_SECRETARIA_DE_GOBIERNO)
        if organismo is None:
            raise CommandError(f"Falta el organismo {organismo_nombre!r}: cargue los organismos.")
        usuario, _creado = Usuario.objects.update_or_create(
            username=nombre_usuario,
            defaults={
                "first_name": nombres,
                "last_name": apellidos,
                "email": _correo(nombres, apellidos),
                "cargo": cargo,
                "nivel": NIVEL_DEMO.get(nombre_usuario, Usuario.Nivel.PROFESIONAL),
                "organismo": organismo,
                "telefono": "+57 602 885 6000",
                "tratamiento": TRATAMIENTO_DEMO.get(nombre_usuario, ""),
                "date_joined": timezone.now() - ANTIGUEDAD_DEMO,
                "is_active": True,
                "is_staff": rol == Rol.ADMINISTRADOR,
                "is_superuser": rol == Rol.ADMINISTRADOR,
            },
        )
        usuario.set_password(clave)
        usuario.save(update_fields=["password"])
        usuario.groups.add(Group.objects.get(name=rol))
        if es_jefe and organismo.jefe_id != usuario.pk:
            organismo.jefe = usuario
            organismo.save(update_fields=["jefe"])
        usuarios[nombre_usuario] = usuario
    for autoridad, (nombre, cargo) in FIRMANTES_DEMO.items():
        Firmante.objects.update_or_create(
            autoridad=autoridad, defaults={"nombre": nombre, "cargo": cargo}
        )
    return usuarios


def modulos_demo():
    """(ProcedimientoConfig, its demo module) for every procedure app that has one."""
    for config in procedimientos():
        if module_has_submodule(config.module, "demo"):
            yield config, import_module(f"{config.name}.demo")


class Command(BaseCommand):
    help = (
        "Carga organismos, un usuario de demostración por rol y los datos de demostración de "
        "cada procedimiento. Solo con DEBUG activo, salvo --forzar. Se puede repetir sin duplicar."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--forzar",
            action="store_true",
            help="Cargar aunque DEBUG esté apagado (nunca en la base de datos de producción).",
        )
        parser.add_argument(
            "--clave",
            default=CLAVE_DEMO,
            help=f"Contraseña de todos los usuarios de demostración (por defecto {CLAVE_DEMO}).",
        )

    def handle(self, *args, forzar, clave, **opciones):
        if not settings.DEBUG and not forzar:
            raise CommandError(
                "DEBUG está apagado: esto parece un entorno de producción y la demostración "
                "crea usuarios con una contraseña conocida. Use --forzar si de verdad la quiere."
            )
        call_command("cargar_organismos", stdout=self.stdout)
        usuarios = crear_usuarios_demo(clave=clave)
        self.stdout.write(self.style.SUCCESS(f"Usuarios de demostración: {len(usuarios)}."))
        for config, modulo in modulos_demo():
            self.stdout.write(f"Datos de demostración de {config.codigo_corto} {config.nombre}…")
            with transaction.atomic():
                modulo.cargar(usuarios=usuarios, stdout=self.stdout)
        self._imprimir_accesos(usuarios, clave)

    def _imprimir_accesos(self, usuarios, clave):
        url = getattr(settings, "SITE_URL", "http://localhost:8000").rstrip("/") + "/"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Buen Gobierno está listo en {url}"))
        self.stdout.write(f"Contraseña de todos los usuarios: {clave}")
        self.stdout.write("")
        ancho = max(len(u) for u in usuarios)
        self.stdout.write(f"  {'usuario'.ljust(ancho)}  {'rol'.ljust(24)}  organismo")
        self.stdout.write(f"  {'-' * ancho}  {'-' * 24}  {'-' * 40}")
        for nombre_usuario, rol, *_resto in USUARIOS_DEMO:
            usuario = usuarios[nombre_usuario]
            self.stdout.write(
                f"  {nombre_usuario.ljust(ancho)}  {rol.value.ljust(24)}  {usuario.organismo}"
            )
        self.stdout.write("")
        self.stdout.write("La administración está en " + url + "admin/ (usuario admin).")
