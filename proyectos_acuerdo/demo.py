"""Demo data of P004: projects at every stage — one in formulation, one awaiting concepts (one
overdue), one with discrepant concepts and its Comité Coordinador meeting, one filed, one in
its sanction term, one sanctioned and published, one objected — the Concejo's sessions
periods of the year and faculties expiring soon.

Built through the services with e-mail switched off, dated relative to today. Idempotent:
each project is looked up by its title and built only once.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from actos.models import ActoAdministrativo
from buengobierno.avisos.servicios import sin_avisos
from buengobierno.organizacion.models import Organismo
from buengobierno.plazos.calendario import sumar_dias_habiles
from proyectos_acuerdo import services
from proyectos_acuerdo.models import (
    Concepto,
    FacultadExtraordinaria,
    MiembroComite,
    PeriodoSesiones,
    ProyectoAcuerdo,
)

F, OBS, D = (
    Concepto.Sentido.FAVORABLE,
    Concepto.Sentido.CON_OBSERVACIONES,
    Concepto.Sentido.DESFAVORABLE,
)
# The steps a project can be walked through, in order.
PASOS = (
    "conceptos",
    "comite",
    "resolver",
    "radicar",
    "primer_debate",
    "segundo_debate",
    "sancionar",
    "objetar",
    "publicar",
)


def viabilizadores() -> dict:
    """{tipo: Organismo} of the usual viabilizing organisms present in the directory."""
    encontrados = {}
    for tipo, sigla in services.VIABILIZADORES.items():
        organismo = Organismo.objects.filter(sigla=sigla).first()
        if organismo is None:
            organismo, _creado = Organismo.objects.get_or_create(
                codigo=sigla, defaults={"nombre": f"Organismo viabilizador {sigla}", "sigla": sigla}
            )
        encontrados[tipo] = organismo
    return encontrados


def recorrer(proyecto, pasos, *, despacho, hoy, sentidos=(F, F, F), dias_atras=60):
    """Walk `proyecto` through `pasos` (names of PASOS) as the Despacho, the concepts recorded
    as received by Daruma, dated back from `hoy` so every deadline lies in the past or runs now."""
    inicio = hoy - timedelta(days=dias_atras)
    organismos = viabilizadores()
    if "conceptos" in pasos:
        services.solicitar_conceptos(
            proyecto=proyecto, solicitudes=organismos, usuario=despacho, hoy=inicio
        )
        for (tipo, organismo), sentido in zip(organismos.items(), sentidos, strict=False):
            if sentido:
                services.emitir_concepto(
                    proyecto=proyecto,
                    organismo=organismo,
                    tipo=tipo,
                    sentido=sentido,
                    texto=_TEXTOS[sentido],
                    medio=Concepto.Medio.DARUMA,
                    fecha=inicio + timedelta(days=7),
                    firmante=f"Director(a) de {organismo.sigla or organismo}",
                    radicado=f"2026{proyecto.pk:05d}{tipo[:3].upper()}",
                    usuario=despacho,
                )
    if "comite" in pasos:
        momento = timezone.make_aware(datetime.combine(hoy + timedelta(days=3), time(9, 0)))
        services.convocar_comite(
            proyecto=proyecto,
            inicio=momento,
            fin=momento + timedelta(hours=2),
            lugar="Sala de juntas del Despacho, CAM torre Alcaldía piso 9",
            usuario=despacho,
        )
    if "resolver" in pasos:
        services.resolver_discrepancias(
            proyecto=proyecto,
            resolucion="El Comité Coordinador acogió el ajuste propuesto por el DAGJP.",
            viable=True,
            usuario=despacho,
        )
    fechas = {
        "radicar": inicio + timedelta(days=20),
        "primer_debate": inicio + timedelta(days=30),
        "segundo_debate": inicio + timedelta(days=35),
    }
    if "radicar" in pasos:
        services.radicar(
            proyecto=proyecto,
            fecha=fechas["radicar"],
            numero_concejo=f"PA-{proyecto.pk:03d}",
            comision="Comisión Primera de Plan y Tierras",
            ponentes="H.C. Ana María Sanclemente; H.C. Juan Pablo Ríos",
            usuario=despacho,
        )
    if "primer_debate" in pasos:
        services.primer_debate(
            proyecto=proyecto, fecha=fechas["primer_debate"], resultado="aprobado", usuario=despacho
        )
    if "segundo_debate" in pasos:
        services.segundo_debate(
            proyecto=proyecto,
            fecha=fechas["segundo_debate"],
            resultado="aprobado",
            numero_acuerdo=f"0{400 + proyecto.pk}",
            recibido=fechas["segundo_debate"] + timedelta(days=1),
            usuario=despacho,
        )
    if "sancionar" in pasos:
        proyecto.refresh_from_db()
        services.sancionar(proyecto=proyecto, fecha=proyecto.fecha_recibo_sancion, usuario=despacho)
    if "objetar" in pasos:
        proyecto.refresh_from_db()
        services.objetar(
            proyecto=proyecto,
            fecha=proyecto.fecha_recibo_sancion,
            motivos="Inconveniencia: ordena un gasto no previsto en el Marco Fiscal de Mediano Plazo.",
            usuario=despacho,
        )
    if "publicar" in pasos:
        proyecto.refresh_from_db()
        services.publicar(
            proyecto=proyecto,
            fecha=sumar_dias_habiles(proyecto.fecha_sancion, 2),
            envio_gobernador=sumar_dias_habiles(proyecto.fecha_sancion, 3),
            usuario=despacho,
        )
    proyecto.refresh_from_db()
    return proyecto


_TEXTOS = {
    F: "El proyecto es viable: es coherente con el plan de desarrollo y la norma que lo sustenta.",
    OBS: "Viable con observaciones: ajustar la redacción del artículo 3 y la vigencia.",
    D: "No viable: el artículo 5 invade competencias del Concejo y carece de fuente de financiación.",
}

PROYECTOS = [
    # title, steps, concepts, extra fields
    (
        "Por el cual se adopta la Política Pública de Salud Mental del Distrito de Santiago de Cali",
        (),
        (),
        {},
    ),
    (
        "Por el cual se crea el programa de comedores comunitarios en las comunas 13, 14 y 15",
        ("conceptos",),
        (F, None, None),
        {"ordena_gasto": True},
    ),
    (
        "Por el cual se establece el sistema distrital de cuidado",
        ("conceptos", "comite"),
        (F, OBS, D),
        {"ordena_gasto": True},
    ),
    (
        "Por el cual se modifica el Estatuto Tributario del Distrito en materia de incentivos a la economía popular",
        ("conceptos", "radicar"),
        (F, OBS, F),
        {"otorga_beneficios": True, "iniciativa_exclusiva": "presupuesto"},
    ),
    (
        "Por el cual se otorgan facultades al Alcalde para modificar la estructura de la Administración",
        ("conceptos", "radicar", "primer_debate", "segundo_debate"),
        (F, F, F),
        {"iniciativa_exclusiva": "estructura", "numero_articulos": 8},
    ),
    (
        "Por el cual se institucionaliza la Semana de la Convivencia Ciudadana",
        ("conceptos", "radicar", "primer_debate", "segundo_debate", "sancionar", "publicar"),
        (F, F, OBS),
        {},
    ),
    (
        "Por el cual se crea la tasa de alumbrado navideño",
        ("conceptos", "radicar", "primer_debate", "segundo_debate", "objetar"),
        (F, OBS, F),
        {"otorga_beneficios": False, "ordena_gasto": True},
    ),
]
FISCAL = {
    "costo_fiscal": 1_250_000_000,
    "fuente_financiacion": "Recursos propios del Distrito, rubro de inversión social.",
    "compatible_mfmp": True,
    "analisis_fiscal": "El costo se cubre con las apropiaciones del Marco Fiscal de Mediano Plazo 2026-2035.",
}


def _periodos(hoy: date):
    """The ordinary periods of Ley 136 art. 23 for Cali (1 Mar–30 Apr, 1 Jun–31 Jul,
    1 Oct–30 Nov) of this year and an extraordinary one around today when outside them."""
    anio = hoy.year
    for nombre, inicio, fin in (
        (f"Primer periodo ordinario {anio}", date(anio, 3, 1), date(anio, 4, 30)),
        (f"Segundo periodo ordinario {anio}", date(anio, 6, 1), date(anio, 7, 31)),
        (f"Tercer periodo ordinario {anio}", date(anio, 10, 1), date(anio, 11, 30)),
    ):
        PeriodoSesiones.objects.get_or_create(
            nombre=nombre,
            defaults={"tipo": PeriodoSesiones.Tipo.ORDINARIO, "inicio": inicio, "fin": fin},
        )
    if PeriodoSesiones.del_dia(hoy - timedelta(days=40)) is None:
        PeriodoSesiones.objects.get_or_create(
            nombre=f"Sesiones extraordinarias {hoy - timedelta(days=45):%m/%Y}",
            defaults={
                "tipo": PeriodoSesiones.Tipo.EXTRAORDINARIO,
                "inicio": hoy - timedelta(days=45),
                "fin": hoy + timedelta(days=15),
            },
        )


def cargar(*, usuarios, stdout):
    despacho, directivo = usuarios["despacho"], usuarios["directivo"]
    hoy = timezone.localdate()
    _periodos(hoy)
    MiembroComite.objects.get_or_create(
        usuario=usuarios["secretario"], defaults={"calidad": "Preside el Comité"}
    )
    MiembroComite.objects.get_or_create(
        usuario=usuarios["juridica"], defaults={"calidad": "Delegada del DAGJP"}
    )
    creados = 0
    with sin_avisos():
        for titulo, pasos, sentidos, extra in PROYECTOS:
            if ProyectoAcuerdo.objects.filter(titulo=titulo).exists():
                continue
            datos = {
                "titulo": titulo,
                "organismo": directivo.organismo,
                "responsable": directivo,
                "objeto": titulo.replace("Por el cual se ", "").capitalize() + ".",
                "exposicion_motivos": "La Administración Distrital presenta este proyecto para "
                "cumplir el plan de desarrollo y atender la demanda ciudadana.",
                "fundamento_legal": "Constitución Política, arts. 313 y 315; Ley 136 de 1994; "
                "Ley 1551 de 2012.",
                "unidad_materia": True,
                "numero_articulos": 12,
                **extra,
            }
            if datos.get("ordena_gasto") or datos.get("otorga_beneficios"):
                datos.update(FISCAL)
            proyecto = services.crear_proyecto(datos=datos, usuario=despacho)
            # The project in its sanction term was approved three days ago.
            dias_atras = 38 if pasos and pasos[-1] == "segundo_debate" else 90
            recorrer(
                proyecto,
                pasos,
                despacho=despacho,
                hoy=hoy,
                sentidos=sentidos,
                dias_atras=dias_atras,
            )
            creados += 1
        if not FacultadExtraordinaria.objects.exists():
            facultad = FacultadExtraordinaria.objects.create(
                acuerdo="Acuerdo 0451 de 2026",
                objeto="Adoptar y reglamentar las políticas públicas de salud del Distrito.",
                inicio=hoy - timedelta(days=155),
                fin=hoy + timedelta(days=25),
                responsable=despacho,
            )
            # Two of P003's demo decrees (loaded before, in procedure-code order) exercise them.
            decretos = ActoAdministrativo.objects.filter(tipo__nombre="Decreto").order_by("pk")
            ActoAdministrativo.objects.filter(pk__in=decretos.values("pk")[:2]).update(
                facultad=facultad
            )
    stdout.write(f"Proyectos de acuerdo: {creados} proyectos de demostración.")
