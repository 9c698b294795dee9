"""Demo data of P008: a public visit with its delegation, itinerary and checklist (due in a
few days, a checklist item still open), a reserved one, and one already held with its
results and a commitment on the P005 board. Idempotent: skipped when loaded."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from buengobierno.avisos.servicios import sin_avisos
from buengobierno.plazos.calendario import sumar_dias_habiles
from cooperacion.alianzas.models import Alianza, Cooperante
from cooperacion.misiones import services
from cooperacion.misiones.models import VisitaInternacional


def _momento(fecha, hora):
    return timezone.make_aware(datetime.combine(fecha, time(hora, 0)))


def cargar(*, usuarios, stdout):
    if VisitaInternacional.objects.filter(institucion="Embajada de Francia en Colombia").exists():
        stdout.write("Misiones: los datos de demostración ya estaban cargados.")
        return
    relaciones, directivo = usuarios["relaciones"], usuarios["directivo"]
    despacho = usuarios["despacho"]
    hoy = timezone.localdate()
    francia = Cooperante.objects.filter(pais="FR").first()
    en_gestion = Alianza.objects.filter(estado=Alianza.Estado.EN_GESTION).first()
    with sin_avisos():

        def visita(institucion, pais, tipo, nivel, dia, **cambios):
            acompanantes = cambios.pop("acompanantes", [])
            return services.registrar_visita(
                datos={
                    "tipo": tipo,
                    "pais": pais,
                    "institucion": institucion,
                    "nivel": nivel,
                    "llegada": _momento(dia, 9),
                    "salida": _momento(dia + timedelta(days=1), 17),
                    "organismo": relaciones.organismo,
                    "responsable": relaciones,
                    **cambios,
                },
                acompanantes=acompanantes,
                usuario=relaciones,
            )

        llegada = sumar_dias_habiles(hoy, 3)
        publica = visita(
            "Embajada de Francia en Colombia",
            "FR",
            "diplomatica",
            "embajador",
            llegada,
            cooperante=francia,
            alianza=en_gestion,
            proposito="Explorar cooperación en cultura, educación bilingüe y movilidad.",
            temas="Festival de Música del Pacífico Petronio Álvarez; Alianza Francesa.",
            coordinacion_privada="Audiencia con el Alcalde confirmada por la Secretaría Privada.",
            acompanantes=[directivo],
        )
        services.agregar_miembro(
            visita=publica,
            datos={
                "nombre": "Sophie Martin",
                "cargo": "Embajadora",
                "institucion": "",
                "es_jefe": True,
            },
            usuario=relaciones,
        )
        services.agregar_miembro(
            visita=publica,
            datos={
                "nombre": "Jean Dupont",
                "cargo": "Consejero cultural",
                "institucion": "",
                "es_jefe": False,
            },
            usuario=relaciones,
        )
        for hora, actividad, lugar, anfitrion, secretario in (
            (10, "Audiencia con el Alcalde", "CAM, Despacho del Alcalde", despacho, True),
            (15, "Visita al Museo La Tertulia", "Museo La Tertulia", directivo, False),
        ):
            services.agregar_actividad(
                visita=publica,
                datos={
                    "inicio": _momento(llegada, hora),
                    "actividad": actividad,
                    "lugar": lugar,
                    "anfitrion": anfitrion,
                    "participa_secretario": secretario,
                },
                usuario=relaciones,
            )
        for tipo, detalle, responsable, estado in (
            ("interprete", "Francés–español", relaciones, "listo"),
            ("transporte", "Dos vehículos", directivo, "en_curso"),
            ("banderas", "Colombia, Francia, Cali", relaciones, "pendiente"),
            ("obsequio", "Libro de la ciudad", relaciones, "listo"),
        ):
            item = services.agregar_item(
                visita=publica,
                datos={"tipo": tipo, "descripcion": detalle, "responsable": responsable},
                usuario=relaciones,
            )
            if estado != "pendiente":
                services.cambiar_estado_item(item=item, estado=estado, usuario=relaciones)

        reservada = visita(
            "Delegación de seguridad de los Estados Unidos",
            "US",
            "ministerial",
            "ministro",
            sumar_dias_habiles(hoy, 8),
            proposito="Cooperación en seguridad ciudadana.",
            reservada=True,
            motivo_reserva="Seguridad pública y defensa (Ley 1712 de 2014, art. 19).",
        )
        services.agregar_actividad(
            visita=reservada,
            datos={
                "inicio": _momento(sumar_dias_habiles(hoy, 8), 11),
                "actividad": "Consejo de seguridad ampliado",
                "lugar": "CAM, piso 9",
                "anfitrion": despacho,
                "participa_secretario": True,
            },
            usuario=relaciones,
        )
        services.agregar_item(
            visita=reservada,
            datos={
                "tipo": "seguridad",
                "descripcion": "Anillo de seguridad",
                "responsable": relaciones,
            },
            usuario=relaciones,
        )

        pasada = visita(
            "Agencia de Cooperación de Corea",
            "KR",
            "agencia",
            "directivo",
            hoy - timedelta(days=20),
            proposito="Ciudades inteligentes.",
        )
        services.registrar_resultados(
            visita=pasada,
            resultados="KOICA apoyará el diagnóstico de ciudad inteligente; se enviará un perfil.",
            usuario=relaciones,
        )
        services.registrar_compromisos(
            visita=pasada,
            compromisos_=[
                {
                    "descripcion": "Enviar a KOICA el perfil de ciudad inteligente",
                    "responsable": directivo,
                    "fecha_limite": sumar_dias_habiles(hoy, 10),
                }
            ],
            usuario=relaciones,
        )
    stdout.write("Misiones: 3 visitas (una reservada) con itinerario, protocolo y compromisos.")
