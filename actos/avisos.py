"""P003 reminders, through the platform's engine (buengobierno.avisos).

Every stage that waits for someone has a reminder date, `vence_etapa`, ACTOS_DIAS_AVISO business
days (3) after the stage began (stored, recomputed when the calendar changes). One scan finds
the acts whose date has come and reminds, once per stage (the step carries that date):
- a visto bueno waiting: the producer's to the head of the producing organism, the DAGJP's to
  the people with the role Jurídica, the Secretario's to the Secretario de Gobierno;
- a returned act not resubmitted: to whoever registered it and the organism's head;
- an act in signature too long, a particular act signed and not notified: to the Despacho.
Each scan selects in SQL only the acts due whose step the ledger does not hold (NOT EXISTS),
so a run with nothing new reads no act; the ledger sends each (act, step, person) once.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actos.models import ActoAdministrativo
from actos.services import dias_aviso
from buengobierno.avisos.consultas import paso_con_fecha
from buengobierno.avisos.models import Recordatorio
from buengobierno.avisos.registro import escaneo
from buengobierno.avisos.servicios import programar_aviso
from buengobierno.organizacion.acceso import usuarios_con_rol
from buengobierno.organizacion.roles import Rol

Estado = ActoAdministrativo.Estado
PLANTILLA = "actos/recordatorio"


def _ya_avisado():
    return Exists(
        Recordatorio.objects.filter(
            content_type=ContentType.objects.get_for_model(ActoAdministrativo),
            object_id=OuterRef("pk"),
            paso=OuterRef("paso"),
        )
    )


def _jefe(acto):
    return [acto.organismo.jefe] if acto.organismo.jefe_id and acto.organismo.jefe.is_active else []


def _registro_y_jefe(acto):
    return list({acto.creado_por, *_jefe(acto)})


PASOS = (
    # (step, filter, recipients, title)
    (
        "vb_productor",
        {"estado": Estado.BORRADOR, "vb_productor_en__isnull": True},
        _jefe,
        gettext_lazy("Visto bueno del organismo productor pendiente"),
    ),
    (
        "vb_juridica",
        {"estado": Estado.BORRADOR, "vb_juridica_en__isnull": True},
        Rol.JURIDICA,
        gettext_lazy("Visto bueno del DAGJP pendiente"),
    ),
    (
        "vb_secretario",
        {"estado": Estado.REVISADO},
        Rol.SECRETARIO,
        gettext_lazy("Visto bueno del Secretario de Gobierno pendiente"),
    ),
    (
        "devuelto",
        {"estado": Estado.DEVUELTO},
        _registro_y_jefe,
        gettext_lazy("Acto devuelto sin una nueva versión"),
    ),
    (
        "en_firma",
        {"estado": Estado.LISTO_PARA_FIRMA},
        Rol.DESPACHO,
        gettext_lazy("Acto en firma del Alcalde hace varios días"),
    ),
    (
        "sin_notificar",
        {
            "estado__in": (Estado.FIRMADO, Estado.NUMERADO),
            "alcance": ActoAdministrativo.Alcance.PARTICULAR,
        },
        Rol.DESPACHO,
        gettext_lazy("Acto particular firmado y sin notificar"),
    ),
)


def debidos(hoy, paso: str, filtro: dict):
    return (
        ActoAdministrativo.objects.filter(vence_etapa__lte=hoy, **filtro)
        .alias(paso=paso_con_fecha(paso, "vence_etapa"))
        .exclude(_ya_avisado())
        .annotate(paso_debido=paso_con_fecha(paso, "vence_etapa"))
        .select_related("organismo__jefe", "creado_por", "tipo")
        .order_by("vence_etapa", "pk")
    )


@escaneo(
    "actos",
    descripcion=gettext_lazy("Vistos buenos, devoluciones, firma y notificación que esperan"),
    crontab={"minute": "10", "hour": "7-18", "day_of_week": "1-5"},
)
def avisar_actos(*, hoy=None) -> int:
    """Returns how many reminders were scheduled now."""
    hoy = hoy or timezone.localdate()
    programados = 0
    for paso, filtro, destinatarios, titulo in PASOS:
        consulta = debidos(hoy, paso, filtro)
        con_rol = None
        for acto in consulta:
            if callable(destinatarios):
                personas = destinatarios(acto)
            else:  # a role: its people, read once per step
                con_rol = list(usuarios_con_rol(destinatarios)) if con_rol is None else con_rol
                personas = con_rol
            for persona in personas:
                programados += (
                    programar_aviso(
                        objeto=acto,
                        paso=acto.paso_debido,
                        destinatario=persona,
                        plantilla=PLANTILLA,
                        contexto={
                            "titulo": str(titulo),
                            "mensaje": _("Espera desde hace %(n)s días hábiles o más.")
                            % {"n": dias_aviso()},
                        },
                    )
                    is not None
                )
    return programados
