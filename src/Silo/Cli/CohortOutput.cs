using System.Text.Json;
using System.Text.Json.Nodes;
using WardTwin.Model.Outcomes;

namespace WardTwin.Silo.Cli;

/// <summary>Writes a cohort's files through a temporary name, so a reader never sees half a summary.</summary>
internal static class CohortOutput
{
    /// <param name="parameterOverrides">Parameters a sensitivity run set by hand: the summary records them, so it cannot pass for the shipped model.</param>
    /// <param name="provenance">Where the figures come from (tool version, seed, input files and their hashes, overrides).</param>
    public static void Write(string outDir, CohortResult result, JsonObject provenance, IReadOnlyDictionary<string, double>? parameterOverrides = null)
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

        summary["provenance"] = provenance;
        WriteAtomically(Path.Combine(dir, "summary.json"), CohortSummary.ToJson(summary));
    }

    /// <summary>
    /// Clears what an earlier run left in the folder that this run will not write: other protocols' folders
    /// (only ones holding a summary.json) and the probabilistic files, so nothing stale sits beside new results.
    /// </summary>
    public static void ClearStale(string outDir, IReadOnlyCollection<string> protocolIds, bool psa)
    {
        if (!Directory.Exists(outDir))
        {
            return;
        }

        foreach (string dir in Directory.EnumerateDirectories(outDir))
        {
            if (!protocolIds.Contains(Path.GetFileName(dir)) && File.Exists(Path.Combine(dir, "summary.json")))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        // psa.json was written by earlier versions; the analysis now lives in comparison.json.
        foreach (string file in psa ? ["psa.json"] : new[] { "psa.csv", "psa_wide.csv", "psa.json" })
        {
            File.Delete(Path.Combine(outDir, file));
        }
    }

    public static void WriteComparison(string outDir, JsonObject comparison)
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
