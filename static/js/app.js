/* Buen Gobierno — the shell's small behaviours. No inline scripts: pages pass data through
   json_script elements and data- attributes. */
(function () {
  "use strict";

  // Charts of Mi escritorio: <script type="application/json" id="graficos-escritorio"> holds
  // [{id: "<canvas id>", config: <Chart.js configuration>}].
  function dibujarGraficos(raiz) {
    var fuente = (raiz || document).querySelector("#graficos-escritorio");
    if (!fuente || typeof window.Chart === "undefined") {
      return;
    }
    var azules = ["#0b3a75", "#1d5bb8", "#5b8bd6", "#9dbbe8", "#e0a800", "#1a7f4b", "#b42318"];
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.color = "#374151";
    window.Chart.defaults.plugins.legend.labels.boxWidth = 12;
    JSON.parse(fuente.textContent).forEach(function (grafico) {
      var lienzo = document.getElementById(grafico.id);
      if (!lienzo || lienzo.dataset.dibujado) {
        return;
      }
      var config = grafico.config;
      (config.data && config.data.datasets ? config.data.datasets : []).forEach(function (serie, i) {
        var circular = ["pie", "doughnut", "polarArea"].indexOf(config.type) >= 0;
        if (!serie.backgroundColor) {
          serie.backgroundColor = circular ? azules : azules[i % azules.length];
        }
        if (!serie.borderColor && !circular) {
          serie.borderColor = azules[i % azules.length];
        }
      });
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false }, config.options || {});
      new window.Chart(lienzo, config);
      lienzo.dataset.dibujado = "1";
    });
  }

  // The offcanvas sidebar closes when a link inside it is followed (phones).
  function cerrarMenuAlNavegar() {
    var lateral = document.getElementById("barra-lateral");
    if (!lateral || typeof window.bootstrap === "undefined") {
      return;
    }
    lateral.addEventListener("click", function (evento) {
      if (evento.target.closest("a") && lateral.classList.contains("show")) {
        window.bootstrap.Offcanvas.getOrCreateInstance(lateral).hide();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    dibujarGraficos(document);
    cerrarMenuAlNavegar();
  });

  // Content swapped in by htmx gets the same treatment.
  document.addEventListener("htmx:afterSwap", function (evento) {
    dibujarGraficos(evento.target);
  });
})();
