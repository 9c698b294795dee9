"""The one access helper: who may see a record and who may edit it.

Every domain model declares one `Politica` and uses `AccesoQuerySet` as its manager:

    class Delegacion(ConAcceso, models.Model):
        acceso = Politica(
            ven_todo={Rol.DESPACHO, Rol.SECRETARIO, Rol.CONSULTA},
            editan_todo={Rol.DESPACHO},
            organismo="delegado__organismo",
            asignados=("delegado",),
            editan_propios={Rol.DIRECTIVO, Rol.ENLACE},
        )
        objects = AccesoQuerySet.as_manager()

Views then read `Delegacion.objects.visibles_para(request.user)`, fetch one record with
`obtener_visible_o_404(...)` (an outsider gets 404, never someone else's data) and guard
writes with `exigir_edicion(usuario, objeto)` (a read-only role gets 403).
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from buengobierno.organizacion.roles import Rol

# Roles that never write, whatever else a record's policy says.
ROLES_SOLO_LECTURA = frozenset({Rol.CONSULTA})


def roles_de(usuario) -> frozenset[str]:
    """The role names of a user, read once per request and cached on the user object."""
    if not getattr(usuario, "is_authenticated", False) or not usuario.is_active:
        return frozenset()
    if not hasattr(usuario, "_roles_buen_gobierno"):
        nombres = set(usuario.groups.values_list("name", flat=True))
        if usuario.is_superuser:
            nombres.add(Rol.ADMINISTRADOR)
        usuario._roles_buen_gobierno = frozenset(nombres)
    return usuario._roles_buen_gobierno


def tiene_rol(usuario, *roles: str) -> bool:
    return bool(roles_de(usuario) & set(roles))


def es_solo_lectura(usuario) -> bool:
    """True when every role the user holds is read-only (e.g. Control Interno)."""
    roles = roles_de(usuario)
    return bool(roles) and roles <= ROLES_SOLO_LECTURA


@dataclass(frozen=True)
class Politica:
    """How one model decides visibility and edition.

    ven_todo: roles that see every record. editan_todo: roles that edit every record they see.
    organismo: lookup from the model to the owning Organismo (own-organism visibility).
    asignados: lookups from the model to users assigned to the record (they see it too).
    editan_propios: roles that edit the records of their organism or assigned to them.
    """

    ven_todo: frozenset = field(default_factory=frozenset)
    editan_todo: frozenset = field(default_factory=frozenset)
    organismo: str | None = None
    asignados: tuple[str, ...] = ()
    editan_propios: frozenset = field(default_factory=frozenset)

    def __post_init__(self):
        for nombre in ("ven_todo", "editan_todo", "editan_propios"):
            object.__setattr__(self, nombre, frozenset(getattr(self, nombre)))

    def _buscadas(self, usuario) -> list[tuple[str, object]]:
        """(lookup, value) pairs that make a record the user's own."""
        buscadas = []
        if self.organismo and usuario.organismo_id:
            buscadas.append((self.organismo, usuario.organismo_id))
        buscadas += [(ruta, usuario.pk) for ruta in self.asignados]
        return buscadas

    def _condicion_propia(self, modelo, usuario) -> Q:
        condicion = Q(pk__in=[])
        for ruta, valor in self._buscadas(usuario):
            condicion |= _condicion(modelo, ruta, valor)
        return condicion

    def _ve_todo(self, roles: frozenset) -> bool:
        return bool(roles & (self.ven_todo | {Rol.ADMINISTRADOR}))

    def filtrar(self, queryset: models.QuerySet, usuario) -> models.QuerySet:
        roles = roles_de(usuario)
        if not roles:  # anonymous, inactive, or signed in without any role
            return queryset.none()
        if self._ve_todo(roles):
            return queryset
        partes = [_ids(queryset.model, ruta, valor) for ruta, valor in self._buscadas(usuario)]
        if not partes:
            return queryset.none()
        return queryset.filter(con_claves_en(*partes))

    def puede_ver(self, usuario, objeto) -> bool:
        base = type(objeto)._default_manager.filter(pk=objeto.pk)
        return self.filtrar(base, usuario).exists()

    def puede_editar(self, usuario, objeto) -> bool:
        roles = roles_de(usuario)
        if es_solo_lectura(usuario) or not roles:
            return False
        if roles & (self.editan_todo | {Rol.ADMINISTRADOR}):
            return self.puede_ver(usuario, objeto)
        if roles & self.editan_propios:
            base = type(objeto)._default_manager.filter(pk=objeto.pk)
            return base.filter(self._condicion_propia(base.model, usuario)).exists()
        return False

    def puede_crear(self, usuario) -> bool:
        roles = roles_de(usuario)
        if es_solo_lectura(usuario):
            return False
        return bool(roles & (self.editan_todo | self.editan_propios | {Rol.ADMINISTRADOR}))


def con_claves_en(*consultas) -> Q:
    """A filter: the row's primary key is among the keys the `values()` queries give.

    Each query reads one condition from the table and index that hold it (the organism's
    column, the assigned person's column, a many-to-many table…) and the rows are those of
    their UNION ALL. An OR of the same conditions over joins would make PostgreSQL scan the
    whole table, and .distinct() would not page well. A plain IN, which PostgreSQL hashes or
    drives from, as the sizes say; never `= ANY(ARRAY(…))`, which it compares row by row.
    """
    union = consultas[0].union(*consultas[1:], all=True) if len(consultas) > 1 else consultas[0]
    return Q(pk__in=union)


def _campo(modelo, nombre: str):
    return modelo._meta.pk if nombre == "pk" else modelo._meta.get_field(nombre)


def _es_columna(campo) -> bool:
    """A column of the model's own table: a plain field or a forward foreign key."""
    return not campo.is_relation or (campo.concrete and (campo.many_to_one or campo.one_to_one))


def _condicion(modelo, ruta: str, valor) -> Q:
    """Rows of `modelo` whose lookup `ruta` equals `valor`, as a condition on its own columns
    (a relation becomes an IN over the related table), so each step can use an index."""
    nombre, _separador, resto = ruta.partition("__")
    campo = _campo(modelo, nombre)
    if not _es_columna(campo):
        return Q(pk__in=_ids(modelo, ruta, valor))
    if not resto:
        return Q(**{nombre: valor})
    return Q(**{f"{nombre}__in": _ids(campo.related_model, resto, valor)})


def _ids(modelo, ruta: str, valor) -> models.QuerySet:
    """The primary keys of the rows of `modelo` whose lookup `ruta` equals `valor`, read from
    the table that holds the condition (the model's, a related one's, a many-to-many one's)."""
    nombre, _separador, resto = ruta.partition("__")
    campo = _campo(modelo, nombre)
    if _es_columna(campo):
        return modelo._base_manager.filter(_condicion(modelo, ruta, valor)).order_by().values("pk")
    if campo.many_to_many:
        directo = campo if campo.concrete else campo.field
        origen, destino = directo.m2m_field_name(), directo.m2m_reverse_field_name()
        if not campo.concrete:  # the reverse side of someone else's many-to-many
            origen, destino = destino, origen
        otro = campo.related_model
        condicion = (
            Q(**{f"{destino}__in": _ids(otro, resto, valor)}) if resto else Q(**{destino: valor})
        )
        tabla = directo.remote_field.through._base_manager
        return tabla.filter(condicion).order_by().values(origen)
    # A reverse foreign key or one-to-one: the related rows that point to ours.
    relacionado = campo.related_model
    return (
        relacionado._base_manager.filter(_condicion(relacionado, resto or "pk", valor))
        .order_by()
        .values(campo.field.name)
    )


class AccesoQuerySet(models.QuerySet):
    def visibles_para(self, usuario):
        return self.model.acceso.filtrar(self, usuario)


class ConAcceso(models.Model):
    """Abstract base giving a model the record-level rules of its `acceso` policy."""

    acceso: Politica

    class Meta:
        abstract = True

    def puede_ver(self, usuario) -> bool:
        return self.acceso.puede_ver(usuario, self)

    def puede_editar(self, usuario) -> bool:
        return self.acceso.puede_editar(usuario, self)


def obtener_visible_o_404(origen, usuario, **busqueda):
    """One record the user may see, or 404 (never a 403 that confirms it exists)."""
    queryset = origen if isinstance(origen, models.QuerySet) else origen._default_manager.all()
    try:
        return queryset.visibles_para(usuario).get(**busqueda)
    except queryset.model.DoesNotExist:
        raise Http404(_("No existe o no tiene acceso a este registro.")) from None


def exigir_edicion(usuario, objeto) -> None:
    """Raise 403 unless the user may edit the record (call after obtener_visible_o_404)."""
    if not objeto.acceso.puede_editar(usuario, objeto):
        raise PermissionDenied(_("Su rol no le permite modificar este registro."))


def exigir_creacion(usuario, modelo) -> None:
    if not modelo.acceso.puede_crear(usuario):
        raise PermissionDenied(_("Su rol no le permite crear este tipo de registro."))


def usuarios_con_rol(*roles: str):
    from buengobierno.organizacion.models import Usuario

    return Usuario.objects.filter(is_active=True, groups__name__in=roles).distinct()
