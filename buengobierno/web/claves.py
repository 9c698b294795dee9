"""A condition "this column is one of these keys" with the keys as ONE parameter.

`Q(pk__in=[…])` writes one placeholder per key: with a few hundred keys the driver spends
longer preparing the statement (splitting it, adapting each value) than PostgreSQL spends
running it. `EnLista("pk", claves)` sends `col = ANY(%s)` with the keys as one array, which
the column's index serves the same way (SQLite, which has no arrays, gets the plain IN):

    queryset.filter(Q(organismo_id=5) | Q(EnLista("pk", claves_propias)))
"""

from django.db.models import BooleanField, F, Func


class EnLista(Func):
    conditional = True
    output_field = BooleanField()

    def __init__(self, campo: str, claves):
        super().__init__(F(campo))
        self.claves = sorted(set(claves))

    def as_sql(self, compiler, connection, **extra):
        columna, parametros = compiler.compile(self.source_expressions[0])
        if not self.claves:
            return "1 = 0", []
        if connection.vendor == "postgresql":
            return f"{columna} = ANY(%s)", [*parametros, self.claves]
        marcas = ", ".join(["%s"] * len(self.claves))
        return f"{columna} IN ({marcas})", [*parametros, *self.claves]
