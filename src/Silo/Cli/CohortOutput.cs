using System.Text.Json;
using System.Text.Json.Nodes;
using WardTwin.Model.Outcomes;

namespace WardTwin.Silo.Cli;

/// <summary>Writes a cohort's files through a temporary name, so a reader never sees half a summary.</summary>
internal static class CohortOutput
{
    /// <param name="parameterOverrides">Parameters a sensitivity run set by hand: the summary records them, so it cannot pass for the shipped model.</param>
    public static void Write(string outDir, CohortResult result, IReadOnlyDictionary<string, double>? parameterOverrides = null)
    {
        string dir = Path.Combine(outDir, result.Protocol.Id);
        Directory.CreateDirectory(dir);
        WriteAtomically(Path.Combine(dir, "patients.csv"), PatientsCsv.Build(result));
        var summary = CohortSummary.Build(result);
        if (parameterOverrides is { Count: > 0 })
        {
            var o = new JsonObject();
            foreach (var (name, value) in parameterOverrides.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                o[name] = value;
            }

            summary["parameter_overrides"] = o;
        }

        WriteAtomically(Path.Combine(dir, "summary.json"), CohortSummary.ToJson(summary));
    }

    public static void WriteComparison(string outDir, JsonArray comparison)
    {
        Directory.CreateDirectory(outDir);
        WriteAtomically(Path.Combine(outDir, "comparison.json"), comparison.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    public static void WriteAtomically(string path, string text)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
