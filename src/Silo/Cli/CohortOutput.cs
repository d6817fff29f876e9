using System.Text.Json;
using System.Text.Json.Nodes;
using WardTwin.Model.Outcomes;

namespace WardTwin.Silo.Cli;

/// <summary>Writes a cohort's files through a temporary name, so a reader never sees half a summary.</summary>
internal static class CohortOutput
{
    public static void Write(string outDir, CohortResult result)
    {
        string dir = Path.Combine(outDir, result.Protocol.Id);
        Directory.CreateDirectory(dir);
        WriteAtomically(Path.Combine(dir, "patients.csv"), PatientsCsv.Build(result));
        WriteAtomically(Path.Combine(dir, "summary.json"), CohortSummary.ToJson(CohortSummary.Build(result)));
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
