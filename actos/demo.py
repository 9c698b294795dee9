"""Demo data of P003: acts of several organisms in every state, one returned twice.

Built through the services (so the data obey the real rules) with e-mail switched off; then
each act's stages are spread back over the last weeks, as if the demo had been running, so the
indicators show business days per stage. Idempotent: nothing is built once a demo act exists.
"""

from django.apps import apps
from django.utils import timezone

from actos import muestras, services
from actos.apps import sembrar_tipos_de_acto
from actos.models import ActoAdministrativo, EtapaActo, TipoActo, VistoBueno
from buengobierno.avisos.servicios import sin_avisos
from buengobierno.plazos.calendario import sumar_dias_habiles

E = ActoAdministrativo.Estado
Tipo = VistoBueno.Tipo
MARCA = "(demostración)"

ACTOS = [
    # tipo, alcance, epígrafe, hasta (state), returns
    (
        "Decreto",
        "general",
        "Por el cual se reglamenta el Plan Territorial de Salud 2024-2027",
        E.ARCHIVADO,
        0,
    ),
    (
        "Decreto",
        "general",
        "Por el cual se adopta la Política Pública de Salud Mental del Distrito",
        E.PUBLICADO,
        1,
    ),
    (
        "Resolución",
        "particular",
        "Por la cual se reconoce la personería jurídica a la Asociación de Usuarios de la Red de Salud del Oriente",
        E.NOTIFICADO,
        0,
    ),
    (
        "Resolución",
        "particular",
        "Por la cual se resuelve el recurso de reposición interpuesto por Clínica Valle Salud S.A.S.",
        E.NUMERADO,
        0,
    ),
    (
        "Decreto",
        "general",
        "Por el cual se declara la alerta amarilla hospitalaria por temporada de lluvias",
        E.FIRMADO,
        0,
    ),
    (
        "Circular",
        "general",
        "Lineamientos para la vacunación en instituciones educativas",
        E.LISTO_PARA_FIRMA,
        0,
    ),
    (
        "Decreto",
        "general",
        "Por el cual se crea el Comité Distrital de Vigilancia Epidemiológica",
        E.REVISADO,
        2,
    ),
    (
        "Directiva",
        "general",
        "Directrices para la atención en salud de la población migrante",
        E.EN_REVISION,
        0,
    ),
    (
        "Decreto",
        "general",
        "Por el cual se modifica el Decreto 4112.010.20.0516 de 2016 sobre el trámite de los actos administrativos",
        E.DEVUELTO,
        1,
    ),
    (
        "Resolución",
        "general",
        "Por la cual se fijan las tarifas de los servicios de salud ambiental",
        E.BORRADOR,
        0,
    ),
    (
        "Decreto",
        "general",
        "Por el cual se adopta el Plan de Intervenciones Colectivas 2027",
        E.BORRADOR,
        0,
    ),
    (
        "Circular",
        "general",
        "Horario de atención de los puntos de vacunación en diciembre",
        E.ANULADO,
        0,
    ),
]
OBSERVACIONES = [
    {"considerandos": (False, "Los considerandos no citan la norma que se reglamenta.")},
    {
        "vigencia": (False, "Falta el artículo de vigencia y derogatorias."),
        "estilo": (False, "Unificar el uso de mayúsculas en los cargos."),
    },
]


def _vb(acto, usuario, tipo):
    acto.refresh_from_db()
    return services.dar_visto_bueno(
        acto=acto, usuario=usuario, tipo=tipo, version=acto.version_actual_id
    )


def _revisar(acto, despacho, fallas=None):
    acto.refresh_from_db()
    items = dict.fromkeys(services.items_aplicables(acto), (True, ""))
    items.update(fallas or {})
    services.revisar_forma(
        acto=acto,
        usuario=despacho,
        version=acto.version_actual_id,
        items=items,
        observaciones="Revisión de forma (Decreto 0516 de 2016).",
    )


def _llevar(acto, hasta, devoluciones, u):
    despacho, directivo, juridica, secretario = (
        u["despacho"],
        u["directivo"],
        u["juridica"],
        u["secretario"],
    )
    if hasta == E.ANULADO:
        return services.anular(
            acto=acto, usuario=despacho, motivo="El organismo retiró el proyecto."
        )
    if hasta == E.BORRADOR:
        return _vb(acto, directivo, Tipo.PRODUCTOR) if "Intervenciones" in acto.epigrafe else acto
    for vez in range(devoluciones + (1 if hasta == E.DEVUELTO else 0)):
        _vb(acto, directivo, Tipo.PRODUCTOR)
        _vb(acto, juridica, Tipo.JURIDICA)
        services.radicar(acto=acto, usuario=despacho, radicado=f"2026411201{acto.pk:05d}")
        _revisar(acto, despacho, OBSERVACIONES[vez % len(OBSERVACIONES)])
        if hasta == E.DEVUELTO and vez == devoluciones:
            return acto
        services.subir_version(
            acto=acto,
            usuario=directivo,
            archivo=muestras.docx(f"{acto.epigrafe}\nVersión corregida {vez + 2}"),
            comentario="Se atendieron las observaciones de forma.",
        )
    _vb(acto, directivo, Tipo.PRODUCTOR)
    services.registrar_visto_bueno(
        acto=acto,
        usuario=despacho,
        tipo=Tipo.JURIDICA,
        version=acto.version_actual_id,
        firmante="Martha Lucía Hurtado Bonilla, DAGJP",
        fecha=timezone.localdate(),
        medio=VistoBueno.Medio.DARUMA,
        documento=muestras.pdf("visto_bueno_dagjp.pdf"),
    ) if acto.pk % 2 else _vb(acto, juridica, Tipo.JURIDICA)
    services.radicar(
        acto=acto, usuario=despacho, radicado=f"2026411201{acto.pk:05d}", trd="4112.010.20"
    )
    if hasta == E.EN_REVISION:
        return acto
    _revisar(acto, despacho)
    if hasta == E.REVISADO:
        return acto
    _vb(acto, secretario, Tipo.SECRETARIO)
    if hasta == E.LISTO_PARA_FIRMA:
        return acto
    services.firmar(
        acto=acto, usuario=despacho, copia_firmada=muestras.pdf(), firmado_en=timezone.localdate()
    )
    if hasta == E.FIRMADO:
        return acto
    services.numerar(acto=acto, usuario=despacho)
    acto.refresh_from_db()
    hoy = timezone.localdate()
    if acto.es_general and hasta in (E.PUBLICADO, E.ARCHIVADO):
        services.publicar(
            acto=acto, usuario=despacho, boletin_numero=f"{100 + acto.pk}", fecha_publicacion=hoy
        )
    elif hasta in (E.NOTIFICADO,):
        services.notificar_acto(
            acto=acto,
            usuario=despacho,
            destinatario="Representante legal de la Asociación",
            medio="electronico",
            fecha=hoy,
            recursos="Procede el recurso de reposición ante el Alcalde, dentro de los diez días "
            "hábiles siguientes a la notificación (CPACA art. 76).",
        )
    if hasta == E.ARCHIVADO:
        services.archivar(acto=acto, usuario=despacho)
    return acto


def _en_el_tiempo(acto, posicion):
    """Spread the act's stages back from today: each lasted 1 to 4 business days."""
    etapas = list(EtapaActo.objects.filter(acto=acto).order_by("pk"))
    duraciones = [1 + (posicion + i) % 4 for i in range(len(etapas) + 1)]
    inicio = sumar_dias_habiles(timezone.localdate(), -sum(duraciones))
    for etapa, dias in zip(etapas, duraciones, strict=False):
        etapa.inicio, etapa.fin = inicio, sumar_dias_habiles(inicio, dias)
        inicio = etapa.fin
    EtapaActo.objects.bulk_update(etapas, ["inicio", "fin"])
    acto.refresh_from_db()
    acto.etapa_desde = inicio
    acto.vence_etapa = services._vence(acto.estado, inicio) if acto.vence_etapa else None
    acto.save(update_fields=["etapa_desde", "vence_etapa"])


def cargar(*, usuarios, stdout=None):
    if ActoAdministrativo.objects.filter(proyecto__endswith=MARCA).exists():
        return
    sembrar_tipos_de_acto(apps)
    tipos = {t.nombre: t for t in TipoActo.objects.all()}
    directivo = usuarios["directivo"]
    with sin_avisos():
        for posicion, (tipo, alcance, epigrafe, hasta, devoluciones) in enumerate(ACTOS):
            acto = services.crear_acto(
                usuario=directivo,
                datos={
                    "tipo": tipos[tipo],
                    "alcance": alcance,
                    "epigrafe": epigrafe,
                    "proyecto": f"Diana Marcela Riascos Potes {MARCA}",
                    "elaboro": "Oficina Jurídica de la Secretaría de Salud Pública",
                    "reviso": "Carlos Eduardo Valencia Lozano",
                    "fundamento": "Constitución Política, artículo 315; Ley 1551 de 2012.",
                    "competencia": "Artículo 315 de la Constitución Política, numeral 3.",
                    "urgencia": "urgente" if posicion == 4 else "normal",
                },
                archivo=muestras.docx(f"{tipo.upper()}\n{epigrafe}\nArtículo 1. Objeto."),
                comentario="Primera versión",
            )
            _llevar(acto, hasta, devoluciones, usuarios)
            _en_el_tiempo(acto, posicion)
    if stdout:
        stdout.write(f"  Actos administrativos: {len(ACTOS)}.")
