// The overview's charts, drawn with the vendored Chart.js from the page's JSON endpoint
// (data-source): no inline script or style, so the content-security policy holds. Each
// chart's table stays on the page for screen readers and for copying.
(function () {
  "use strict";
  var palette = ["#1f5fae", "#9a5b00", "#c2410c", "#b91c1c", "#2e7d32", "#5b6475"];

  function dataset(label, values, i, kind) {
    return { label: label, data: values, backgroundColor: palette[i % palette.length],
             borderColor: palette[i % palette.length], fill: false, tension: 0.2,
             yAxisID: kind === "line" && label.indexOf("days") !== -1 ? "days" : "y" };
  }

  function draw(canvas, chart) {
    var labels = chart.rows.map(function (r) { return r[0]; });
    var series = chart.columns.slice(1).map(function (label, j) {
      return dataset(label, chart.rows.map(function (r) { return r[j + 1]; }), j, chart.kind);
    });
    if (chart.key === "criteria") series = [series[1]];  // the code column is not a value
    var stacked = chart.kind === "stacked";
    var horizontal = chart.key === "countries" || chart.key === "criteria";
    var scales = { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } };
    // the value axis counts deals, cases or hits: whole numbers only (no "0.5 deals")
    scales[horizontal ? "x" : "y"].ticks = { precision: 0 };
    if (horizontal) {
      // every row named (Chart.js would skip every other label), long names cut with an
      // ellipsis (the tooltip and the table keep them whole), and the box as tall as its rows
      scales.y.ticks = { autoSkip: false, callback: function (value) {
        var name = String(this.getLabelForValue(value));
        return name.length > 34 ? name.slice(0, 33) + "\u2026" : name;
      } };
      canvas.parentNode.style.height = Math.max(260, labels.length * 18 * series.length + 60) + "px";
    }
    if (chart.kind === "line") scales.days = { position: "right", beginAtZero: true,
                                               grid: { drawOnChartArea: false } };
    var instance = new window.Chart(canvas, {
      type: chart.kind === "line" ? "line" : "bar",
      data: { labels: labels, datasets: series },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
                 indexAxis: horizontal ? "y" : "x",
                 scales: scales }
    });
    canvas.dataset.drawn = String(series.reduce(function (n, s) { return n + s.data.length; }, 0));
    return instance;
  }

  // The map: a choropleth of deals per country over the vendored world-atlas shapes, which
  // are keyed by ISO numeric code (the data's second column; Kosovo has none and is matched
  // by its name). Countries without deals are drawn with a zero so the whole world shows.
  // Its colour key is the HTML legend under the canvas, not Chart.js's own, which sat on
  // the shapes at phone width.
  function drawMap(canvas, chart, atlasUrl) {
    if (!window.ChartGeo || !atlasUrl) return;
    var counts = {};
    chart.rows.forEach(function (r) { counts[r[1] || r[0]] = r[2]; });
    return fetch(atlasUrl, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (atlas) {
        var shapes = window.ChartGeo.topojson.feature(atlas, atlas.objects.countries).features
          .filter(function (f) { return f.properties.name !== "Antarctica"; });
        var data = shapes.map(function (f) {
          return { feature: f, value: counts[f.id || f.properties.name] || 0 };
        });
        // the dots' deals count in the colour scale too, or a big one would be clamped
        var most = chart.rows.reduce(function (m, r) { return Math.max(m, r[2]); }, 0);
        var instance = new window.Chart(canvas, {
          type: "choropleth",
          plugins: [dots(chart.points || [])],
          data: { labels: shapes.map(function (f) { return f.properties.name; }),
                  datasets: [{ label: "Deals", data: data, outline: shapes,
                               borderColor: "#5b6475", borderWidth: 0.5 }] },
          options: { responsive: true, maintainAspectRatio: false, animation: false,
                     showOutline: true,
                     plugins: { legend: { display: false } },
                     scales: { projection: { axis: "x", projection: "equalEarth" },
                               color: { axis: "x", interpolate: "blues", missing: "#eef0f3",
                                        min: 0, max: Math.max(most, 1), display: false } } }
        });
        mapLegend(canvas, instance, most);
        canvas.dataset.drawn = String(data.filter(function (d) { return d.value; }).length);
      });
  }

  // Countries too small to have a shape at the atlas's scale (Singapore, Malta): a dot at
  // their point ([name, longitude, latitude, deals]), coloured like a shape with as many
  // deals and ringed so a pale one still shows.
  function dots(points) {
    return {
      id: "smallCountries",
      afterDatasetsDraw: function (instance) {
        var projection = instance.scales.projection, colour = instance.scales.color;
        var ctx = instance.ctx, drawn = 0;
        points.forEach(function (p) {
          var xy = projection.projection([p[1], p[2]]);
          if (!xy) return;
          ctx.save();
          ctx.beginPath();
          ctx.arc(xy[0], xy[1], 4, 0, 2 * Math.PI);
          ctx.fillStyle = colour.getColorForValue(p[3]);
          ctx.strokeStyle = "#1d2330";
          ctx.lineWidth = 1.5;
          ctx.fill();
          ctx.stroke();
          ctx.restore();
          drawn++;
        });
        instance.canvas.dataset.dots = String(drawn);
      }
    };
  }

  // The colour ramp from none to the most deals, sampled from the map's own colour scale
  // (set through the CSSOM, which the content-security policy allows; a style attribute
  // it would refuse).
  function mapLegend(canvas, instance, most) {
    var legend = document.querySelector('[data-legend="' + canvas.dataset.chart + '"]');
    var scale = instance.scales.color;
    if (!legend || !scale) return;
    var stops = [0, 0.25, 0.5, 0.75, 1].map(function (t) {
      return scale.getColorForValue(t * most) + " " + (t * 100) + "%";
    });
    legend.querySelector(".ramp").style.backgroundImage =
      "linear-gradient(to right, " + stops.join(", ") + ")";
    legend.querySelector(".high").textContent = String(most);
    legend.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.getElementById("charts");
    if (!root || !window.Chart) return;
    fetch(root.dataset.source, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        var pending = [];
        body.charts.forEach(function (chart) {
          var canvas = root.querySelector('canvas[data-chart="' + chart.key + '"]');
          if (!canvas) return;
          if (chart.kind === "map") pending.push(drawMap(canvas, chart, root.dataset.atlas));
          else draw(canvas, chart);
        });
        return Promise.all(pending);
      })
      .then(function () { root.dataset.ready = "true"; });
  });
})();
