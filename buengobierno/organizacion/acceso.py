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

    def _condicion_propia(self, usuario) -> Q:
        condicion = Q(pk__in=[])
        if self.organismo and usuario.organismo_id:
            condicion |= Q(**{self.organismo: usuario.organismo_id})
        for ruta in self.asignados:
            condicion |= Q(**{ruta: usuario.pk})
        return condicion

    def _ve_todo(self, roles: frozenset) -> bool:
        return bool(roles & (self.ven_todo | {Rol.ADMINISTRADOR}))

    def filtrar(self, queryset: models.QuerySet, usuario) -> models.QuerySet:
        roles = roles_de(usuario)
        if not roles:  # anonymous, inactive, or signed in without any role
            return queryset.none()
        if self._ve_todo(roles):
            return queryset
        propios = queryset.model._default_manager.filter(self._condicion_propia(usuario))
        # A subquery on pk, not .distinct(): assigned users may come through many-to-many paths.
        return queryset.filter(pk__in=propios.values("pk"))

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
            return base.filter(self._condicion_propia(usuario)).exists()
        return False

    def puede_crear(self, usuario) -> bool:
        roles = roles_de(usuario)
        if es_solo_lectura(usuario):
            return False
        return bool(roles & (self.editan_todo | self.editan_propios | {Rol.ADMINISTRADOR}))


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
