"""What P003 exposes to people, for the hostile-input test (buengobierno.web.entrada).

Every list with its GET parameters and every form with a valid submission, each as a user
who may use it; the test sends hostile values to each parameter and field, one at a time.
"""

from django.utils import timezone

from actos import muestras, services
from actos.apps import sembrar_tipos_de_acto
from actos.forms import FORMULARIOS_DE_ACCION, RevisionForm
from actos.models import ActoAdministrativo, TipoActo, VistoBueno
from buengobierno.avisos.servicios import sin_avisos
from buengobierno.organizacion.roles import Rol
from buengobierno.web.entrada import Formulario, Lista

Tipo = VistoBueno.Tipo


def _hoy() -> str:
    return f"{timezone.localdate():%Y-%m-%d}"


def _juridica(usuarios):
    """The DAGJP's person (the platform's probe users may not include the role)."""
    if "juridica" not in usuarios:
        from django.contrib.auth.models import Group

        from buengobierno.organizacion.models import Usuario

        persona = Usuario.objects.create_user(
            username="h-juridica-actos", organismo=usuarios["despacho"].organismo
        )
        persona.groups.add(Group.objects.get(name=Rol.JURIDICA))
        usuarios["juridica"] = persona
    return usuarios["juridica"]


def escenario(*, usuarios) -> dict:
    """Acts of the directivo's organism in each state a page acts on."""
    from django.apps import apps

    sembrar_tipos_de_acto(apps)
    despacho, directivo = usuarios["despacho"], usuarios["directivo"]
    secretario, juridica = usuarios["secretario"], _juridica(usuarios)
    decreto = TipoActo.objects.get(nombre="Decreto")

    def acto(alcance="general"):
        return services.crear_acto(
            usuario=directivo,
            datos={"tipo": decreto, "alcance": alcance, "epigrafe": "Por el cual se reglamenta"},
            archivo=muestras.docx("Artículo 1."),
        )

    def dar(a, usuario, tipo):
        a.refresh_from_db()
        return services.dar_visto_bueno(
            acto=a, usuario=usuario, tipo=tipo, version=a.version_actual_id
        )

    def hasta(a, estado):
        E = ActoAdministrativo.Estado
        dar(a, directivo, Tipo.PRODUCTOR)
        dar(a, juridica, Tipo.JURIDICA)
        if estado == "con_vistos":
            return a
        services.radicar(acto=a, usuario=despacho)
        if estado == E.EN_REVISION:
            return a
        a.refresh_from_db()
        services.revisar_forma(
            acto=a,
            usuario=despacho,
            version=a.version_actual_id,
            items=dict.fromkeys(services.items_aplicables(a), (True, "")),
        )
        if estado == E.REVISADO:
            return a
        dar(a, secretario, Tipo.SECRETARIO)
        if estado == E.LISTO_PARA_FIRMA:
            return a
        services.firmar(
            acto=a, usuario=despacho, copia_firmada=muestras.pdf(), firmado_en=timezone.localdate()
        )
        if estado == E.FIRMADO:
            return a
        services.numerar(acto=a, usuario=despacho)
        a.refresh_from_db()
        return a

    E = ActoAdministrativo.Estado
    with sin_avisos():
        dos_versiones = acto()
        services.subir_version(acto=dos_versiones, usuario=directivo, archivo=muestras.docx("v2"))
        return {
            "dos_versiones": dos_versiones,
            "dos": 2,
            "borrador": acto(),
            "con_vistos": hasta(acto(), "con_vistos"),
            "en_revision": hasta(acto(), E.EN_REVISION),
            "revisado": hasta(acto(), E.REVISADO),
            "listo": hasta(acto(), E.LISTO_PARA_FIRMA),
            "firmado": hasta(acto(), E.FIRMADO),
            "general": hasta(acto(), E.NUMERADO),
            "particular": hasta(acto("particular"), E.NUMERADO),
            "tipo": decreto,
        }


def _revision(e) -> dict:
    acto = e["en_revision"]
    datos = {f"cumple_{i}": "si" for i in services.items_aplicables(acto)}
    datos.update({f"obs_{i}": "" for i in services.items_aplicables(acto)})
    return {**datos, "version": acto.version_actual_id, "observaciones": ""}


def _version(nombre):
    return lambda e: {"version": e[nombre].version_actual_id, "observaciones": ""}


# The forms whose valid submission needs a file (a new act, a new version, a received visto
# bueno, the signature) cannot be posted urlencoded: their pages are read above, so their
# fields are checked to go through acotar, and tests/actos covers their bad files.
_ACCIONES = {  # step: (who, the act it applies to, a valid submission)
    "vb_productor": ("directivo", "borrador", _version("borrador")),
    "vb_juridica": ("juridica", "borrador", _version("borrador")),
    "vb_secretario": ("secretario", "revisado", _version("revisado")),
    "radicar": (
        "despacho",
        "con_vistos",
        lambda e: {"radicado": "202641120100001", "trd": "4112.010", "fecha_recibido": _hoy()},
    ),
    "numerar": ("despacho", "firmado", lambda e: {}),
    "publicar": (
        "despacho",
        "general",
        lambda e: {"boletin_numero": "112", "fecha_publicacion": _hoy()},
    ),
    "notificar": (
        "despacho",
        "particular",
        lambda e: {
            "destinatario": "Juan Pérez",
            "medio": "personal",
            "fecha": _hoy(),
            "recursos": "Reposición dentro de los diez días siguientes.",
        },
    ),
    "archivar": ("despacho", "general", lambda e: {}),
    "anular": ("despacho", "borrador", lambda e: {"motivo": "Desistimiento."}),
}

SONDAS = [
    Lista("tablero de actos", "actos:inicio"),
    Lista("actos", "actos:actos"),
    Lista("indicadores de actos", "actos:indicadores"),
    Lista("acto", "actos:acto", args=("borrador",)),
    Lista("acto numerado", "actos:acto", args=("particular",)),
    Lista("revisión de forma (página)", "actos:revision", args=("en_revision",)),
    Lista("nuevo acto (página)", "actos:nuevo"),
    Lista("cambios entre versiones", "actos:diferencias", args=("dos_versiones", "dos")),
    Lista("acto listo para firma", "actos:acto", args=("listo",)),
    Formulario(
        "revisión de forma",
        "actos:revision",
        args=("en_revision",),
        clases=((RevisionForm, ""),),
        datos=_revision,
    ),
    *(
        Formulario(
            f"acto: {accion}",
            f"actos:{accion}",
            args=(acto,),
            clases=((FORMULARIOS_DE_ACCION[accion], ""),),
            datos=datos,
            usuario=usuario,
        )
        for accion, (usuario, acto, datos) in _ACCIONES.items()
    ),
]
