"""What P003 puts on Mi escritorio and on its board: the vistos buenos each person owes
(producer, DAGJP, Secretario), the acts returned to their producer, and the Despacho's
steps (radicar, review, signature, number, publication or notification). Each is one
indexed query on (estado, …), whatever the number of acts."""

from django.db.models import Q
from django.utils.translation import gettext as _

from actos.models import ActoAdministrativo
from actos.services import es_coordinador
from buengobierno.organizacion.acceso import tiene_rol
from buengobierno.organizacion.roles import Rol
from buengobierno.web.escritorio import Pendiente

Estado = ActoAdministrativo.Estado
LIMITE = 20


def colas(usuario) -> list[tuple[str, str, object]]:
    """(clave, qué hacer, queryset) of the acts waiting for this user."""
    actos = ActoAdministrativo.objects.para_lista().order_by("vence_etapa", "pk")
    resultado = []
    if tiene_rol(usuario, Rol.DIRECTIVO) and usuario.organismo_id:
        resultado.append(
            (
                "vb_productor",
                _("Dar el visto bueno del organismo productor"),
                actos.filter(
                    Q(organismo_id=usuario.organismo_id) | Q(organismo__jefe=usuario),
                    estado=Estado.BORRADOR,
                    vb_productor_en__isnull=True,
                ),
            )
        )
    if tiene_rol(usuario, Rol.JURIDICA):
        resultado.append(
            (
                "vb_juridica",
                _("Dar el visto bueno del DAGJP"),
                actos.filter(estado=Estado.BORRADOR, vb_juridica_en__isnull=True),
            )
        )
    if tiene_rol(usuario, Rol.SECRETARIO):
        resultado.append(
            (
                "vb_secretario",
                _("Dar el visto bueno del Secretario de Gobierno"),
                actos.filter(estado=Estado.REVISADO),
            )
        )
    if tiene_rol(usuario, Rol.DIRECTIVO, Rol.ENLACE) and usuario.organismo_id:
        resultado.append(
            (
                "devueltos",
                _("Corregir y subir una nueva versión"),
                actos.filter(organismo_id=usuario.organismo_id, estado=Estado.DEVUELTO),
            )
        )
    if es_coordinador(usuario):
        resultado += [
            (
                "radicar",
                _("Radicar (tiene los dos vistos buenos)"),
                actos.filter(
                    estado=Estado.BORRADOR,
                    vb_productor_en__isnull=False,
                    vb_juridica_en__isnull=False,
                ),
            ),
            ("revisar", _("Revisar la forma"), actos.filter(estado=Estado.EN_REVISION)),
            (
                "firmar",
                _("Registrar la firma del Alcalde"),
                actos.filter(estado=Estado.LISTO_PARA_FIRMA),
            ),
            ("numerar", _("Numerar"), actos.filter(estado=Estado.FIRMADO)),
            (
                "publicar",
                _("Publicar o notificar"),
                actos.filter(estado=Estado.NUMERADO),
            ),
        ]
    return resultado


def actos_pendientes(usuario):
    for _clave, que, consulta in colas(usuario):
        for acto in consulta[:LIMITE]:
            yield Pendiente(
                titulo=f"{que}: {acto}",
                url=acto.get_absolute_url(),
                procedimiento="P003",
                fecha_limite=acto.vence_etapa,
                detalle=str(acto.organismo),
            )
