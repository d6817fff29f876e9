using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using WardTwin.Grains;

namespace WardTwin.Dashboard;

/// <summary>A debrief as one self-contained HTML file: the chart library, styles, renderer and data inlined, so it opens anywhere offline.</summary>
public static class DebriefExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Html(TrainingDebrief debrief, string startClock)
    {
        // "</" inside a script element would end it: the data and the library are written with it escaped.
        static string Script(string code) => "<script>" + code.Replace("</", "<\\/", StringComparison.Ordinal) + "</script>\n";
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<title>Debrief: ").Append(System.Net.WebUtility.HtmlEncode($"{debrief.Title} — {debrief.Trainee}")).Append("</title>\n");
        html.Append("<style>").Append(Resource("style.css")).Append("</style>\n");
        html.Append(Script(Resource("lib/chart.umd.min.js")));
        html.Append(Script("const fmt = (x, d = 1) => (x === null || x === undefined || Number.isNaN(x)) ? '–' : Number(x).toFixed(d);\n"
            + "function el(tag, attrs = {}, ...children) { const e = document.createElement(tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); for (const c of children) e.append(c); return e; }"));
        html.Append(Script(Resource("training.js")));
        html.Append(Script(Resource("debrief.js")));
        html.Append("</head><body><header><h1>Debrief (exported)</h1></header><main id=\"debrief\"></main>\n");
        html.Append(Script($"renderDebrief({JsonSerializer.Serialize(debrief, Json)}, document.getElementById('debrief'), {JsonSerializer.Serialize(startClock)});"));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Resource(string name) => EmbeddedPages.Read(name);
}
