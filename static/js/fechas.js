/* Buen Gobierno — date inputs that read day/month/year in Spanish whatever the browser's
   language (buengobierno.web.formularios.EntradaFecha).

   The input is text: "09/12/2026". Typing digits inserts the slashes; the calendar button
   beside it opens a month in Spanish (Monday first) that works with a finger, a mouse or the
   keyboard (arrows, Page Up/Down for months, Enter to choose, Escape to close). The server
   reads what the input holds; nothing here is needed for the form to work. */
(function () {
  "use strict";

  var MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "octubre", "noviembre", "diciembre"];
  var DIAS = [["lu", "lunes"], ["ma", "martes"], ["mi", "miércoles"], ["ju", "jueves"],
    ["vi", "viernes"], ["sá", "sábado"], ["do", "domingo"]];

  function dosCifras(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function comoTexto(fecha) {
    return dosCifras(fecha.getDate()) + "/" + dosCifras(fecha.getMonth() + 1) + "/" + fecha.getFullYear();
  }
  function comoIso(fecha) {
    return fecha.getFullYear() + "-" + dosCifras(fecha.getMonth() + 1) + "-" + dosCifras(fecha.getDate());
  }
  function crear(anio, mes, dia) {
    var fecha = new Date(anio, mes, dia);
    return fecha.getFullYear() === anio && fecha.getMonth() === mes && fecha.getDate() === dia ? fecha : null;
  }
  // "9/12/2026", "09-12-2026", "09122026" or ISO "2026-12-09" (what scripts put in it).
  function leer(texto) {
    var t = (texto || "").trim();
    var m = /^(\d{1,2})\s*[\/.\- ]\s*(\d{1,2})\s*[\/.\- ]\s*(\d{4})$/.exec(t) || /^(\d{2})(\d{2})(\d{4})$/.exec(t);
    if (m) {
      return crear(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
    }
    m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
    return m ? crear(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  }
  function mismoDia(a, b) {
    return a && b && a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  }
  function avisar(entrada) {
    entrada.dispatchEvent(new Event("input", { bubbles: true }));
    entrada.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // --- typing: digits become dd/mm/aaaa ----------------------------------------------------
  document.addEventListener("input", function (evento) {
    var entrada = evento.target;
    if (!entrada.matches || !entrada.matches("input[data-fecha]") || evento.inputType !== "insertText") {
      return;
    }
    var valor = entrada.value;
    if (/^\d{2}$/.test(valor) || /^\d{1,2}\/\d{2}$/.test(valor)) {
      entrada.value = valor + "/";
    } else if (/^\d{3}$/.test(valor)) {
      entrada.value = valor.slice(0, 2) + "/" + valor.slice(2);
    } else if (/^\d{1,2}\/\d{3}$/.test(valor)) {
      entrada.value = valor.slice(0, -1) + "/" + valor.slice(-1);
    }
  });
  // ISO dates put by other scripts (business-day shortcuts) and ISO pasted: shown day first.
  document.addEventListener("change", function (evento) {
    var entrada = evento.target;
    if (entrada.matches && entrada.matches("input[data-fecha]") && /^\d{4}-/.test(entrada.value)) {
      var fecha = leer(entrada.value);
      if (fecha) {
        entrada.value = comoTexto(fecha);
      }
    }
  }, true);

  // --- the calendar ---------------------------------------------------------------------------
  var abierto = null; // {caja, entrada, boton, mes (Date of the 1st), foco (Date)}

  function cerrar(devolverFoco) {
    if (!abierto) {
      return;
    }
    var boton = abierto.boton;
    abierto.caja.remove();
    boton.setAttribute("aria-expanded", "false");
    abierto = null;
    if (devolverFoco) {
      boton.focus();
    }
  }

  function elegir(fecha) {
    var entrada = abierto.entrada;
    entrada.value = comoTexto(fecha);
    cerrar(true);
    avisar(entrada);
  }

  function minimo(entrada) {
    return leer(entrada.getAttribute("min") || "");
  }

  function dibujar() {
    var caja = abierto.caja;
    var mes = abierto.mes;
    var elegida = leer(abierto.entrada.value);
    var hoy = new Date();
    var limite = minimo(abierto.entrada);
    caja.replaceChildren();

    var cabecera = document.createElement("div");
    cabecera.className = "calendario-cabecera";
    var anterior = document.createElement("button");
    anterior.type = "button";
    anterior.className = "btn btn-sm btn-light";
    anterior.setAttribute("aria-label", "Mes anterior");
    anterior.innerHTML = '<i class="bi bi-chevron-left" aria-hidden="true"></i>';
    anterior.addEventListener("click", function () {
      mover(0, -1);
    });
    var titulo = document.createElement("h2");
    titulo.className = "calendario-titulo";
    titulo.id = caja.id + "-titulo";
    titulo.setAttribute("aria-live", "polite");
    titulo.textContent = MESES[mes.getMonth()].charAt(0).toUpperCase() + MESES[mes.getMonth()].slice(1) + " de " + mes.getFullYear();
    var siguiente = anterior.cloneNode(true);
    siguiente.setAttribute("aria-label", "Mes siguiente");
    siguiente.innerHTML = '<i class="bi bi-chevron-right" aria-hidden="true"></i>';
    siguiente.addEventListener("click", function () {
      mover(0, 1);
    });
    cabecera.append(anterior, titulo, siguiente);

    var tabla = document.createElement("table");
    tabla.className = "calendario-mes-picker";
    tabla.setAttribute("role", "grid");
    tabla.setAttribute("aria-labelledby", titulo.id);
    var encabezado = document.createElement("tr");
    DIAS.forEach(function (dia) {
      var th = document.createElement("th");
      th.scope = "col";
      th.abbr = dia[1];
      th.textContent = dia[0];
      encabezado.appendChild(th);
    });
    var thead = document.createElement("thead");
    thead.appendChild(encabezado);
    tabla.appendChild(thead);
    var cuerpo = document.createElement("tbody");
    var dia = new Date(mes.getFullYear(), mes.getMonth(), 1);
    dia.setDate(dia.getDate() - ((dia.getDay() + 6) % 7)); // back to Monday
    for (var semana = 0; semana < 6; semana++) {
      var fila = document.createElement("tr");
      for (var d = 0; d < 7; d++) {
        var celda = document.createElement("td");
        var boton = document.createElement("button");
        var esta = new Date(dia.getTime());
        boton.type = "button";
        boton.className = "calendario-dia";
        boton.textContent = String(esta.getDate());
        boton.dataset.iso = comoIso(esta);
        boton.setAttribute("aria-label", esta.getDate() + " de " + MESES[esta.getMonth()] + " de " + esta.getFullYear());
        if (esta.getMonth() !== mes.getMonth()) {
          boton.classList.add("otro-mes");
        }
        if (mismoDia(esta, hoy)) {
          boton.classList.add("hoy");
          boton.setAttribute("aria-current", "date");
        }
        if (mismoDia(esta, elegida)) {
          boton.setAttribute("aria-pressed", "true");
        }
        if (limite && esta < limite) {
          boton.disabled = true;
        }
        boton.tabIndex = mismoDia(esta, abierto.foco) ? 0 : -1;
        celda.appendChild(boton);
        fila.appendChild(celda);
        dia.setDate(dia.getDate() + 1);
      }
      cuerpo.appendChild(fila);
    }
    tabla.appendChild(cuerpo);

    var pie = document.createElement("div");
    pie.className = "calendario-pie";
    var botonHoy = document.createElement("button");
    botonHoy.type = "button";
    botonHoy.className = "btn btn-sm btn-link";
    botonHoy.textContent = "Hoy";
    botonHoy.addEventListener("click", function () {
      elegir(new Date());
    });
    var botonCerrar = document.createElement("button");
    botonCerrar.type = "button";
    botonCerrar.className = "btn btn-sm btn-link";
    botonCerrar.textContent = "Cerrar";
    botonCerrar.addEventListener("click", function () {
      cerrar(true);
    });
    pie.append(botonHoy, botonCerrar);
    caja.append(cabecera, tabla, pie);
  }

  function enfocar() {
    var boton = abierto.caja.querySelector('.calendario-dia[tabindex="0"]');
    if (boton) {
      boton.focus();
    }
  }

  function mover(dias, meses) {
    var foco = abierto.foco;
    var nuevo = meses
      ? new Date(foco.getFullYear(), foco.getMonth() + meses, Math.min(foco.getDate(), 28))
      : new Date(foco.getFullYear(), foco.getMonth(), foco.getDate() + dias);
    abierto.foco = nuevo;
    abierto.mes = new Date(nuevo.getFullYear(), nuevo.getMonth(), 1);
    dibujar();
    enfocar();
  }

  function abrir(boton) {
    var entrada = document.getElementById(boton.dataset.calendario);
    if (!entrada || entrada.disabled || entrada.readOnly) {
      return;
    }
    cerrar(false);
    var inicial = leer(entrada.value) || minimo(entrada) || new Date();
    var caja = document.createElement("div");
    caja.className = "calendario-emergente shadow";
    caja.id = entrada.id + "-calendario";
    caja.setAttribute("role", "dialog");
    caja.setAttribute("aria-modal", "false");
    caja.setAttribute("aria-label", "Calendario");
    boton.closest(".entrada-fecha").appendChild(caja);
    boton.setAttribute("aria-expanded", "true");
    boton.setAttribute("aria-controls", caja.id);
    abierto = { caja: caja, entrada: entrada, boton: boton, foco: inicial,
      mes: new Date(inicial.getFullYear(), inicial.getMonth(), 1) };
    caja.addEventListener("click", function (evento) {
      var dia = evento.target.closest(".calendario-dia");
      if (dia && !dia.disabled) {
        elegir(leer(dia.dataset.iso));
      }
    });
    caja.addEventListener("keydown", function (evento) {
      var pasos = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
      if (evento.key === "Escape") {
        evento.preventDefault();
        cerrar(true);
      } else if (evento.target.classList.contains("calendario-dia") && pasos[evento.key]) {
        evento.preventDefault();
        mover(pasos[evento.key], 0);
      } else if (evento.key === "PageUp" || evento.key === "PageDown") {
        evento.preventDefault();
        mover(0, evento.key === "PageUp" ? -1 : 1);
      }
    });
    dibujar();
    enfocar();
  }

  document.addEventListener("click", function (evento) {
    var boton = evento.target.closest ? evento.target.closest("[data-calendario]") : null;
    if (boton) {
      evento.preventDefault();
      if (abierto && abierto.boton === boton) {
        cerrar(true);
      } else {
        abrir(boton);
      }
      return;
    }
    if (abierto && !abierto.caja.contains(evento.target)) {
      cerrar(false);
    }
  });
  document.addEventListener("focusin", function (evento) {
    if (abierto && !abierto.caja.contains(evento.target) && evento.target !== abierto.boton) {
      cerrar(false);
    }
  });

  window.BuenGobierno = window.BuenGobierno || {};
  window.BuenGobierno.leerFecha = leer;
  window.BuenGobierno.fechaComoTexto = comoTexto;
})();
