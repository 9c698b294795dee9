"""The scale dataset: eight years of use of the platform, written in bulk.

`manage.py sembrar_escala` calls `sembrar(escala=…)`, which loads the organisms (the CSV the
project ships), creates ≈300 people in them with their roles, and then calls, in procedure-code
order, `sembrar(*, escala, contexto)` of every ProcedimientoConfig app that has an `escala.py`
(found the way the demo loader finds `demo.py`). Each app writes its records through the
`Contexto`: rows go to the database with COPY on PostgreSQL (executemany on SQLite), with
primary keys given here so a child row can point to its parent before anything is written.

The rows must be what the services would have produced over the years: states that follow the
transition tables, deadlines from the platform's business days, the history rows the pages
read, the reminder ledger and the notices the scans and services would have left, numbered
documents through the consecutive series. What the services do one row at a time is done here
in bulk, so a full-scale seed takes minutes, not hours.
"""

import json
import random
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from importlib import import_module

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from buengobierno.avisos.models import Notificacion, Recordatorio
from buengobierno.documentos.models import ContadorConsecutivo, SerieConsecutiva
from buengobierno.organizacion.models import CODIGO_SECRETARIA_DE_GOBIERNO, Organismo, Usuario
from buengobierno.organizacion.roles import Rol
from buengobierno.plazos.calendario import es_dia_habil
from buengobierno.web.procedimientos import procedimientos

ANIOS = 8
USUARIOS = 300
# Rows buffered (over all tables) before they are written, parents first.
LOTE = 50_000


def modulos_escala():
    """(ProcedimientoConfig, its escala module) for every procedure app that has one."""
    for config in procedimientos():
        if module_has_submodule(config.module, "escala"):
            yield config, import_module(f"{config.name}.escala")


def base_vacia() -> bool:
    """Nobody has used this database: every record of a procedure names a user who made it."""
    return not Usuario.objects.exists()


# --- the business-day calendar of the seeded years --------------------------------------------


class Calendario:
    """Business days of the seeded years, decided one by one by `plazos.es_dia_habil` and then
    used by position: the seed asks hundreds of thousands of deadlines, each a bisection here.
    Same answers as `sumar_dias_habiles` and `dias_habiles_entre` (pinned by a test)."""

    def __init__(self, desde: date, hasta: date):
        self.desde, self.hasta = desde, hasta
        dias = (hasta - desde).days + 1
        self.habiles = [
            desde + timedelta(k) for k in range(dias) if es_dia_habil(desde + timedelta(k))
        ]

    def _dentro(self, fecha: date) -> None:
        if not self.desde <= fecha <= self.hasta:
            raise ValueError(f"{fecha} está fuera del calendario de la semilla.")

    def es_habil(self, fecha: date) -> bool:
        self._dentro(fecha)
        i = bisect_left(self.habiles, fecha)
        return i < len(self.habiles) and self.habiles[i] == fecha

    def sumar(self, fecha: date, n: int) -> date:
        """`sumar_dias_habiles(fecha, n)`."""
        self._dentro(fecha)
        if n > 0:
            return self.habiles[bisect_right(self.habiles, fecha) + n - 1]
        if n < 0:
            return self.habiles[bisect_left(self.habiles, fecha) + n]
        return self.habiles[bisect_left(self.habiles, fecha)]

    def entre(self, inicio: date, fin: date) -> int:
        """`dias_habiles_entre(inicio, fin)`."""
        self._dentro(inicio)
        self._dentro(fin)
        return bisect_right(self.habiles, fin) - bisect_right(self.habiles, inicio)

    def entre_fechas(self, desde: date, hasta: date) -> list[date]:
        """The business days from `desde` to `hasta`, both included."""
        return self.habiles[bisect_left(self.habiles, desde) : bisect_right(self.habiles, hasta)]


# --- writing rows in bulk ---------------------------------------------------------------------


class Tabla:
    """The rows of one model waiting to be written; `agregar` gives the new row's id."""

    def __init__(self, modelo):
        self.modelo = modelo
        # Generated columns are computed by the database, never written.
        self.campos = [f for f in modelo._meta.concrete_fields if not f.generated]
        self.pk = modelo._meta.pk.attname
        self.columnas = [f.column for f in self.campos]
        self.nombres = [f.attname for f in self.campos]
        self.conjunto = frozenset(self.nombres)
        self.defectos = {}
        for campo in self.campos:
            if campo.has_default() and callable(campo.default):
                continue  # evaluated per row (timezone.now, dict…): the seed gives them
            self.defectos[campo.attname] = campo.get_default()
        self.json = [i for i, f in enumerate(self.campos) if isinstance(f, models.JSONField)]
        # Values the SQLite driver cannot take as they are (the rest pass untouched).
        self.preparar = [
            i
            for i, f in enumerate(self.campos)
            if isinstance(f, models.DateField | models.JSONField | models.DecimalField)
        ]
        ultimo = modelo._base_manager.aggregate(m=Max(self.pk))["m"] or 0
        self.siguiente = ultimo + 1
        self.filas: list[tuple] = []
        self.escritas = 0
        self.reservados: set[int] = set()  # ids handed out by `reservar`, their row still to come
        # Parents among the models with a real foreign key (history tables have none).
        self.padres = {
            f.related_model
            for f in self.campos
            if f.is_relation and f.db_constraint and f.related_model is not modelo
        }

    def agregar(self, **valores) -> int:
        if self.pk not in valores:
            valores[self.pk] = self.siguiente
            self.siguiente += 1
        try:
            self.filas.append(tuple(map({**self.defectos, **valores}.__getitem__, self.nombres)))
        except KeyError as error:
            raise TypeError(f"{self.modelo.__name__}.{error.args[0]}: falta el valor.") from None
        if not valores.keys() <= self.conjunto:
            self.filas.pop()
            faltan = sorted(set(valores) - self.conjunto)
            raise TypeError(f"{self.modelo.__name__} no tiene los campos {faltan}.")
        return valores[self.pk]

    def escribir(self) -> None:
        if not self.filas:
            return
        tabla = connection.ops.quote_name(self.modelo._meta.db_table)
        columnas = ", ".join(connection.ops.quote_name(c) for c in self.columnas)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {tabla} ({columnas}) FROM STDIN") as copia:
                    for fila in self.filas:
                        if self.json:
                            fila = list(fila)
                            for i in self.json:
                                fila[i] = json.dumps(fila[i], ensure_ascii=False, default=str)
                        copia.write_row(fila)
            else:
                marcas = ", ".join(["%s"] * len(self.columnas))
                filas = [list(fila) for fila in self.filas]
                for i in self.preparar:
                    campo = self.campos[i]
                    for fila in filas:
                        fila[i] = campo.get_db_prep_save(fila[i], connection)
                cursor.executemany(f"INSERT INTO {tabla} ({columnas}) VALUES ({marcas})", filas)
        self.escritas += len(self.filas)
        self.filas = []


class Escritor:
    """Every table the seed writes; they are written together, each parent before its children,
    so a foreign key never points to a row that is not there yet."""

    def __init__(self):
        self.tablas: dict[type, Tabla] = {}
        self.pendientes = 0
        self.reservas = 0

    def tabla(self, modelo) -> Tabla:
        if modelo not in self.tablas:
            self.tablas[modelo] = Tabla(modelo)
        return self.tablas[modelo]

    def agregar(self, modelo, **valores) -> int:
        tabla = self.tabla(modelo)
        pk = tabla.agregar(**valores)
        if pk in tabla.reservados:
            tabla.reservados.discard(pk)
            self.reservas -= 1
        self.pendientes += 1
        # Never between a reserved row's children and the row: they go in one transaction.
        if self.pendientes >= LOTE and not self.reservas:
            self.escribir()
        return pk

    def reservar(self, modelo) -> int:
        tabla = self.tabla(modelo)
        tabla.siguiente += 1
        tabla.reservados.add(tabla.siguiente - 1)
        self.reservas += 1
        return tabla.siguiente - 1

    def _en_orden(self) -> list[Tabla]:
        restantes = list(self.tablas.values())
        orden, escritos = [], set()
        while restantes:
            listas = [t for t in restantes if not (t.padres & set(self.tablas)) - escritos]
            if not listas:  # a cycle among the seeded tables: write in insertion order
                listas = restantes[:1]
            for t in listas:
                orden.append(t)
                escritos.add(t.modelo)
                restantes.remove(t)
        return orden

    def escribir(self) -> None:
        with transaction.atomic():
            for tabla in self._en_orden():
                tabla.escribir()
        self.pendientes = 0

    def terminar(self) -> dict[str, int]:
        """Write what is left and move every sequence past the ids given here."""
        self.escribir()
        modelos = [t.modelo for t in self.tablas.values()]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), modelos):
                cursor.execute(sql)
        return {t.modelo._meta.label: t.escritas for t in self.tablas.values()}


# --- people and organisms ---------------------------------------------------------------------


@dataclass(frozen=True)
class Persona:
    id: int
    nombre: str
    organismo_id: int
    rol: str
    cargo: str


@dataclass(frozen=True)
class OrganismoEscala:
    id: int
    nombre: str
    sigla: str
    jefe_id: int | None


NOMBRES = (
    "Andrés Felipe",
    "Luisa Fernanda",
    "Jaime Alberto",
    "Valentina",
    "Carlos Eduardo",
    "Diana Marcela",
    "Martha Lucía",
    "Juan Sebastián",
    "Gloria Inés",
    "José Manuel",
    "María Camila",
    "Jhon Jairo",
    "Paola Andrea",
    "Luis Fernando",
    "Claudia Patricia",
    "Óscar Iván",
    "Natalia",
    "Héctor Fabio",
    "Ana María",
    "Julián David",
    "Liliana",
    "Diego Alejandro",
    "Sandra Milena",
    "Fernando",
    "Adriana",
    "Harold",
    "Yolanda",
    "Mauricio",
    "Catalina",
    "Víctor Hugo",
    "Ángela María",
    "Edwin",
    "Carolina",
    "Germán",
    "Lorena",
    "Alexander",
    "Beatriz Elena",
    "Camilo Andrés",
    "Daniela",
    "William",
)
APELLIDOS = (
    "Ocampo", "Rengifo", "Caicedo", "Mosquera", "Restrepo", "Zapata", "Quintero", "Arboleda",
    "Valencia", "Lozano", "Riascos", "Potes", "Hurtado", "Bonilla", "Castillo", "Vélez",
    "Mejía", "Salazar", "Cuero", "Angulo", "Hinestroza", "Sinisterra", "Vallecilla", "Llanos",
    "Cárdenas", "Victoria", "Holguín", "Garcés", "Escobar", "Londoño", "Montaño", "Mina",
    "Balanta", "Carabalí", "Sánchez", "Gómez", "Rodríguez", "Martínez", "Ramírez", "Torres",
)  # fmt: skip

# Roles of the people besides the heads of the organisms: (role, how many at full scale,
# organisms by acronym or None for any, cargo). The rest of the 300 are enlaces.
PLANTA = [
    (Rol.ADMINISTRADOR, 2, ("DATIC",), "Profesional especializado — administrador del sistema"),
    (Rol.DESPACHO, 10, ("SG", "DSG"), "Profesional universitario del Despacho"),
    (Rol.RELACIONES, 4, ("ORC",), "Profesional de Relaciones y Cooperación"),
    (Rol.JURIDICA, 8, ("DAGJP",), "Abogado — Subdirección de Doctrina y Asuntos Normativos"),
    (Rol.VIABILIZADOR, 8, ("DAH", "DAP"), "Profesional especializado de viabilidad"),
    (Rol.CONSULTA, 5, ("DACI",), "Auditor de Control Interno"),
    (Rol.DIRECTIVO, 40, None, "Subsecretario"),
]
CARGOS_ENLACE = (
    "Contratista — enlace de planeación",
    "Profesional universitario — enlace del organismo",
    "Técnico administrativo",
    "Profesional especializado",
)
# The first person of each role takes the demo's user name, so whoever opens the seeded
# database (or the benchmark) knows who to be.
NOMBRES_DE_USUARIO = {
    Rol.ADMINISTRADOR: "admin",
    Rol.DESPACHO: "despacho",
    Rol.SECRETARIO: "secretario",
    Rol.RELACIONES: "relaciones",
    Rol.DIRECTIVO: "directivo",
    Rol.ENLACE: "enlace",
    Rol.JURIDICA: "juridica",
    Rol.VIABILIZADOR: "viabilizador",
    Rol.CONSULTA: "consulta",
}
# Whose organism the demo user "directivo" heads (as in cargar_demo).
SIGLA_DIRECTIVO = "SSP"


def _sin_tildes(texto: str) -> str:
    normal = unicodedata.normalize("NFKD", texto)
    return "".join(c for c in normal if not unicodedata.combining(c)).lower()


# --- the context every app's escala.py receives -----------------------------------------------


@dataclass
class Contexto:
    """What an app's `sembrar(*, escala, contexto)` works with.

    - `hoy`, `ahora`, `inicio` (8 years before today), `azar` (seeded random.Random);
    - `personas`, `por_rol[rol]`, `organismos[id]`, `personas_de(organismo_id)`, `persona[id]`;
      `demo["directivo"]`… the people with the demo's user names, whom the benchmark uses;
    - `calendario`: `sumar`, `entre`, `es_habil` — the platform's business days;
    - `agregar(Modelo, **campos) -> id`: a row to write (ids given at once);
    - `historia(Modelo, valores, tipo, fecha, usuario_id)`: a django-simple-history row;
    - `recordatorio(...)`: a reminder step of the ledger as a scan left it (with its notice);
    - `notificar(...)`: an in-app notice a service would have created;
    - `consecutivo(serie, anio)`: the next number of a consecutive series;
    - `datos`: a dict apps use to hand things to the ones after them.
    """

    escala: float
    hoy: date
    ahora: datetime
    inicio: date
    azar: random.Random
    calendario: Calendario
    escritor: Escritor
    personas: list[Persona] = field(default_factory=list)
    organismos: dict[int, OrganismoEscala] = field(default_factory=dict)
    datos: dict = field(default_factory=dict)
    _contadores: dict = field(default_factory=dict)

    def __post_init__(self):
        self.persona = {}
        self.demo: dict[str, Persona] = {}
        self.por_rol = defaultdict(list)
        self._por_organismo = defaultdict(list)
        self._tipos = {}
        self._historicos = {}

    def registrar_personas(self, personas: list[Persona]) -> None:
        self.personas = personas
        self.persona = {p.id: p for p in personas}
        self.por_rol = defaultdict(list)
        self._por_organismo = defaultdict(list)
        for p in personas:
            self.por_rol[p.rol].append(p)
            self._por_organismo[p.organismo_id].append(p)

    def personas_de(self, organismo_id: int) -> list[Persona]:
        return self._por_organismo[organismo_id]

    def cantidad(self, n: float) -> int:
        """`n` at full scale, scaled (at least 1)."""
        return max(1, round(n * self.escala))

    def tipo(self, modelo) -> int:
        if modelo not in self._tipos:
            self._tipos[modelo] = ContentType.objects.get_for_model(modelo).pk
        return self._tipos[modelo]

    def agregar(self, modelo, **valores) -> int:
        return self.escritor.agregar(modelo, **valores)

    def reservar(self, modelo) -> int:
        """The id the next row of `modelo` will have, when children must know it before the
        row's own values are settled; pass it back as `id=` to `agregar`. No batch is written
        until that row comes, so its children never reach the database before it."""
        return self.escritor.reservar(modelo)

    def pasada(self, desde: datetime, *, minuto: int, hasta: datetime | None = None):
        """When an hourly scan (at hh:`minuto`, 7 to 18 h, every day) first ran at or after
        `desde` and before `hasta`; None if it has not yet. A run still ahead today counts as
        now: the seed leaves the ledger as if the scans had just run, so a scan finds nothing
        new to send."""
        if desde > self.ahora:
            return None
        local = timezone.localtime(desde)
        vez = local.replace(minute=minuto, second=0, microsecond=0)
        if vez < local:
            vez += timedelta(hours=1)
        if vez.hour < 7:
            vez = vez.replace(hour=7)
        elif vez.hour > 18:
            vez = (vez + timedelta(days=1)).replace(hour=7)
        vez = min(vez, self.ahora)
        if hasta is not None and vez >= hasta:
            return None
        return vez

    def momento(self, dia: date, hora: int, minuto: int = 0) -> datetime:
        return timezone.make_aware(datetime.combine(dia, time(hora, minuto)))

    def historia(self, modelo, valores: dict, *, tipo: str, fecha: datetime, usuario_id) -> None:
        """One django-simple-history row: the record's values at `fecha` ('+' or '~')."""
        if modelo not in self._historicos:
            self._historicos[modelo] = modelo.history.model
        self.agregar(
            self._historicos[modelo],
            **valores,
            history_date=fecha,
            history_type=tipo,
            history_change_reason=None,
            history_user_id=usuario_id,
        )

    def notificar(self, *, modelo, object_id, destinatario_id, titulo, mensaje, url, creada):
        """An in-app notice; read some hours later unless it is from the last two weeks."""
        leida = None
        if creada < self.ahora - timedelta(days=14) or self.azar.random() < 0.4:
            leida = min(creada + timedelta(minutes=self.azar.randint(5, 4000)), self.ahora)
        titulo = titulo if len(titulo) <= 255 else titulo[:254] + "…"
        self.agregar(
            Notificacion,
            destinatario_id=destinatario_id,
            titulo=titulo,
            mensaje=mensaje,
            url=url,
            content_type_id=self.tipo(modelo) if modelo else None,
            object_id=object_id,
            leida_en=leida,
            creada=creada,
        )

    def recordatorio(
        self,
        *,
        modelo,
        object_id,
        paso,
        destinatario_id,
        plantilla,
        cuando: datetime,
        titulo: str,
        url: str,
        contexto: dict | None = None,
        vigente: bool = True,
    ) -> None:
        """A ledger row claimed by a scan (or a service) at `cuando`, as it ends up: sent with
        its in-app notice; a few refused by the mail server; or discarded because the record
        changed before it went out (`vigente=False`)."""
        cuando = min(cuando, self.ahora - timedelta(seconds=1))
        contexto = contexto or {}
        estado, enviado, error, nota = Recordatorio.Estado.ENVIADO, None, "", ""
        if not vigente:
            estado = Recordatorio.Estado.DESCARTADO
            nota = "Ya no corresponde: el registro cambió antes del envío."
        elif self.azar.random() < 0.002:
            estado = Recordatorio.Estado.FALLIDO
            error = "SMTPRecipientsRefused: {'': (550, b'5.1.1 Mailbox unavailable')}"
        else:
            enviado = cuando + timedelta(seconds=self.azar.randint(2, 90))
        self.agregar(
            Recordatorio,
            content_type_id=self.tipo(modelo),
            object_id=object_id,
            paso=paso,
            destinatario_id=destinatario_id,
            plantilla=plantilla,
            contexto=contexto,
            url=url,
            estado=estado,
            intentos=0 if not vigente else (8 if error else 1),
            ultimo_error=error,
            nota=nota,
            proximo_intento=None,
            creado=cuando,
            enviado_en=enviado,
        )
        if enviado is not None:
            self.notificar(
                modelo=modelo,
                object_id=object_id,
                destinatario_id=destinatario_id,
                titulo=titulo,
                mensaje=str(contexto.get("mensaje") or ""),
                url=url,
                creada=enviado,
            )

    def consecutivo(self, serie: str, anio: int) -> str:
        """The next number of `serie` in `anio`, as siguiente_consecutivo would give it (call
        in the order the records were numbered). The counters are saved at the end."""
        clave = (serie, anio)
        if clave not in self._contadores:
            registro = SerieConsecutiva.objects.get(codigo=serie)
            actual = (
                ContadorConsecutivo.objects.filter(serie=registro, anio=anio)
                .values_list("ultimo", flat=True)
                .first()
            )
            self._contadores[clave] = [registro, actual or 0]
        contador = self._contadores[clave]
        contador[1] += 1
        return contador[0].formatear(numero=contador[1], anio=anio)

    def guardar_contadores(self) -> None:
        for (_serie, anio), (registro, ultimo) in self._contadores.items():
            ContadorConsecutivo.objects.update_or_create(
                serie=registro, anio=anio, defaults={"ultimo": ultimo}
            )


# --- the run ----------------------------------------------------------------------------------


def _crear_personas(contexto: Contexto, *, clave: str | None) -> list[Persona]:
    """≈300 people in the 31 organisms: a head for each, the central roles where they work,
    and enlaces spread over the organisms (more in the big secretarías)."""
    azar = contexto.azar
    organismos = list(Organismo.objects.filter(activo=True).order_by("pk"))
    por_sigla = {o.sigla: o for o in organismos}
    gobierno = Organismo.objects.get(codigo=CODIGO_SECRETARIA_DE_GOBIERNO)
    clave_cifrada = make_password(clave)  # once: hashing 300 passwords would take minutes
    usados = set(Usuario.objects.values_list("username", flat=True))
    filas: list[tuple[Usuario, str]] = []

    def nueva(rol, organismo, cargo):
        nombres, apellidos = azar.choice(NOMBRES), " ".join(azar.sample(APELLIDOS, 2))
        usuario = NOMBRES_DE_USUARIO.get(rol)
        if usuario in usados or usuario is None:
            base = _sin_tildes(f"{nombres.split()[0]}.{apellidos.split()[0]}")
            usuario, n = base, 1
            while usuario in usados:
                n += 1
                usuario = f"{base}{n}"
        usados.add(usuario)
        filas.append(
            (
                Usuario(
                    username=usuario,
                    first_name=nombres,
                    last_name=apellidos,
                    email=f"{usuario}@cali.gov.co",
                    organismo=organismo,
                    cargo=cargo,
                    telefono=f"+57 602 885 {azar.randint(1000, 9999)}",
                    password=clave_cifrada,
                    is_staff=rol == Rol.ADMINISTRADOR,
                    is_superuser=rol == Rol.ADMINISTRADOR,
                    date_joined=timezone.make_aware(datetime.combine(contexto.inicio, time(8))),
                ),
                rol,
            )
        )
        return filas[-1][0]

    # The heads: the Secretario heads Gobierno; the directivo of the demo heads Salud.
    jefes = {}
    salud = por_sigla.get(SIGLA_DIRECTIVO)
    orden = sorted(organismos, key=lambda o: (o != gobierno, o != salud, o.pk))
    for organismo in orden:
        if organismo == gobierno:
            rol, cargo = Rol.SECRETARIO, "Secretario de Gobierno"
        elif organismo.sigla == "ORC":
            rol, cargo = Rol.RELACIONES, "Jefe de la Oficina de Relaciones y Cooperación"
        else:
            rol, cargo = Rol.DIRECTIVO, f"Director(a) — {organismo.nombre}"[:150]
        jefes[organismo.pk] = nueva(rol, organismo, cargo)
    for rol, cuantos, siglas, cargo in PLANTA:
        opciones = [por_sigla[s] for s in siglas or () if s in por_sigla] or organismos
        for _ in range(contexto.cantidad(cuantos)):
            nueva(rol, azar.choice(opciones), cargo)
    grandes = [o for o in organismos if o.tipo in ("secretaria", "departamento")] or organismos
    while len(filas) < contexto.cantidad(USUARIOS):
        organismo = azar.choice(grandes if azar.random() < 0.8 else organismos)
        nueva(Rol.ENLACE, organismo, azar.choice(CARGOS_ENLACE))
    if not clave:
        for usuario, _rol in filas:
            usuario.set_unusable_password()

    Usuario.objects.bulk_create([u for u, _rol in filas])
    creados = {
        u.username: u for u in Usuario.objects.filter(username__in=[u.username for u, _ in filas])
    }
    grupos = {g.name: g for g in Group.objects.all()}
    Miembro = Usuario.groups.through
    Miembro.objects.bulk_create(
        Miembro(usuario_id=creados[u.username].pk, group_id=grupos[rol].pk) for u, rol in filas
    )
    for organismo in organismos:
        organismo.jefe_id = creados[jefes[organismo.pk].username].pk
    Organismo.objects.bulk_update(organismos, ["jefe"])
    contexto.organismos = {
        o.pk: OrganismoEscala(id=o.pk, nombre=o.nombre, sigla=o.sigla, jefe_id=o.jefe_id)
        for o in organismos
    }
    personas = {
        u.username: Persona(
            id=creados[u.username].pk,
            nombre=u.get_full_name(),
            organismo_id=u.organismo_id,
            rol=str(rol),
            cargo=u.cargo,
        )
        for u, rol in filas
    }
    contexto.demo = {n: personas[n] for n in NOMBRES_DE_USUARIO.values() if n in personas}
    return list(personas.values())


def sembrar(*, escala: float = 1.0, semilla: int = 2026, clave: str | None = None, stdout=None):
    """Fill the database with `escala` times the volumes of eight years of use.

    Returns {model label: rows written}. Each app's module runs in order; what it wrote stays
    even if a later one fails (re-run on a fresh database).
    """

    def decir(texto):
        if stdout is not None:
            stdout.write(texto)

    hoy = timezone.localdate()
    inicio = hoy - timedelta(days=round(365.25 * ANIOS))
    contexto = Contexto(
        escala=escala,
        hoy=hoy,
        ahora=timezone.now(),
        inicio=inicio,
        azar=random.Random(semilla),
        calendario=Calendario(inicio - timedelta(days=60), hoy + timedelta(days=3 * 365)),
        escritor=Escritor(),
    )
    call_command("cargar_organismos", stdout=stdout)
    with transaction.atomic():
        contexto.registrar_personas(_crear_personas(contexto, clave=clave))
    decir(f"Personas: {len(contexto.personas)} en {len(contexto.organismos)} organismos.")
    for config, modulo in modulos_escala():
        decir(f"Sembrando {config.codigo_corto} {config.nombre}…")
        modulo.sembrar(escala=escala, contexto=contexto)
        contexto.escritor.escribir()
    escritas = contexto.escritor.terminar()
    for _config, modulo in modulos_escala():
        # What an app keeps derived from its rows (e.g. figures per day), once all are written.
        if hasattr(modulo, "al_terminar"):
            modulo.al_terminar(contexto)
    with transaction.atomic():
        contexto.guardar_contadores()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # The planner must know the new volumes before anyone looks at a query plan.
        decir("Actualizando las estadísticas de PostgreSQL (VACUUM ANALYZE)…")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return escritas
