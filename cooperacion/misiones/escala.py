"""P008 in the scale dataset: 2,400 international visits over eight years (one in ten
reserved) with their delegation, itinerary and checklist; those held have their results, a
third with commitments on the P005 board. The seed leaves nothing due for the scan: visits
ahead have their checklist ready within the reminder window, visits held have results."""

from datetime import timedelta

from django.urls import reverse

from buengobierno.documentos.formato import fecha_larga
from compromisos.escala import Origen, sembrar_compromisos
from compromisos.models import ROLES_QUE_RESPONDEN
from cooperacion.catalogos import PAISES
from cooperacion.misiones.models import (
    ActividadItinerario,
    ItemProtocolo,
    MiembroDelegacion,
    VisitaInternacional,
)

VISITAS = 2_400


def sembrar(*, escala, contexto):
    azar, hoy = contexto.azar, contexto.hoy
    oficina = contexto.por_rol.get("Relaciones y Cooperación") or contexto.personas
    if not oficina:
        return
    cooperantes = contexto.datos.get("cooperantes") or [None]
    # Hosts answer for the visit's commitments: people whose role can (P005's rule).
    anfitriones = [p for p in contexto.personas if p.rol in ROLES_QUE_RESPONDEN] or oficina
    paises = [p for p, _n in PAISES]
    total = contexto.cantidad(VISITAS)
    dias = (hoy + timedelta(days=60) - contexto.inicio).days
    limite_alistamiento = contexto.calendario.sumar(hoy, 6)
    for n in range(total):
        dia = contexto.inicio + timedelta(days=int(dias * n / total))
        responsable = azar.choice(oficina)
        anfitrion = azar.choice(anfitriones)
        llegada = contexto.momento(dia, azar.randint(8, 15))
        salida = llegada + timedelta(days=azar.randint(0, 3), hours=4)
        plazo = contexto.calendario.sumar(salida.date(), 5)
        realizada = plazo < hoy or (salida.date() < hoy and azar.random() < 0.7)
        cancelada = not realizada and azar.random() < 0.03
        estado = "realizada" if realizada else ("cancelada" if cancelada else "programada")
        reservada = azar.random() < 0.1
        visita_id = contexto.reservar(VisitaInternacional)
        institucion = f"Delegación {n + 1:05d}"
        valores = {
            "id": visita_id,
            "tipo": azar.choice([t.value for t in VisitaInternacional.Tipo]),
            "pais": azar.choice(paises),
            "institucion": institucion,
            "cooperante_id": azar.choice(cooperantes),
            "nivel": azar.choice([t.value for t in VisitaInternacional.Nivel]),
            "llegada": llegada,
            "salida": salida,
            "proposito": "Cooperación en movilidad, cultura y seguridad.",
            "temas": "",
            "coordinacion_privada": "",
            "reservada": reservada,
            "motivo_reserva": "Relaciones internacionales (art. 19)." if reservada else "",
            "organismo_id": responsable.organismo_id,
            "responsable_id": responsable.id,
            "alianza_id": None,
            "estado": estado,
            "resultados": "Se acordaron pasos de cooperación." if realizada else "",
            "resultados_en": salida + timedelta(days=2) if realizada else None,
            "fecha_limite_resultados": plazo,
            "motivo_cancelacion": "Cambio de agenda." if cancelada else "",
            "creado_por_id": responsable.id,
            "creado_en": llegada - timedelta(days=20),
        }
        contexto.agregar(VisitaInternacional, **valores)
        contexto.historia(
            VisitaInternacional,
            valores,
            tipo="+",
            fecha=valores["creado_en"],
            usuario_id=responsable.id,
        )
        contexto.agregar(
            MiembroDelegacion,
            visita_id=visita_id,
            nombre=f"Jefe de la delegación {n + 1}",
            cargo="Embajador",
            institucion=institucion,
            es_jefe=True,
        )
        contexto.agregar(
            ActividadItinerario,
            visita_id=visita_id,
            inicio=llegada + timedelta(hours=1),
            actividad="Reunión con el Alcalde",
            lugar="CAM",
            anfitrion_id=anfitrion.id,
            participa_secretario=azar.random() < 0.3,
        )
        # Ahead and within the reminder window, its checklist is ready: nothing due.
        abierto = estado == "programada" and llegada.date() > limite_alistamiento
        for tipo in azar.sample([t.value for t in ItemProtocolo.Tipo], 3):
            contexto.agregar(
                ItemProtocolo,
                visita_id=visita_id,
                tipo=tipo,
                descripcion="",
                responsable_id=azar.choice(oficina).id,
                estado="pendiente" if abierto and azar.random() < 0.5 else "listo",
            )
        if realizada and azar.random() < 0.33:
            url = reverse("cooperacion_misiones:visita", args=[visita_id])
            descripcion = (
                f"Visita internacional reservada, {fecha_larga(llegada)}"
                if reservada
                else f"Visita de {institucion}, {fecha_larga(llegada)}"
            )
            sembrar_compromisos(
                contexto,
                origen=Origen(
                    modelo=VisitaInternacional,
                    id=visita_id,
                    descripcion=descripcion,
                    url=url,
                    fecha=salida.date(),
                ),
                compromisos=[
                    {
                        "descripcion": f"Enviar la propuesta de cooperación a {institucion}",
                        "responsable": anfitrion,
                        "fecha_limite": contexto.calendario.sumar(salida.date(), 15),
                        "creado_por_id": responsable.id,
                        "creado_en": salida + timedelta(days=2),
                    }
                ],
            )
