namespace WardTwin.Application.Planner;

/// <summary>A run's output folder: checked writable before anything runs, cleared of what this run will not write, files written through a temporary name.</summary>
public static class OutputFolder
{
    public static void Prepare(string outDir, IReadOnlyCollection<string> protocolIds, bool psa)
    {
        CheckWritable(outDir);
        ClearStale(outDir, protocolIds, psa);
    }

    /// <summary>Creates the folder if need be and writes a probe into it, so a bad --out fails before a simulation, not after.</summary>
    public static void CheckWritable(string outDir)
    {
        if (File.Exists(outDir))
        {
            throw new ArgumentException($"--out: {outDir} is a file, not a folder");
        }

        try
        {
            Directory.CreateDirectory(outDir);
            string probe = Path.Combine(outDir, $".wardtwin-write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--out: {outDir} cannot be written ({ex.Message})");
        }
    }

    /// <summary>
    /// Clears what an earlier run left in the folder that this run will not write: other protocols' folders
    /// (only ones holding a summary.json) and the probabilistic files, so nothing stale sits beside new results.
    /// </summary>
    private static void ClearStale(string outDir, IReadOnlyCollection<string> protocolIds, bool psa)
    {
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

    public static void WriteAtomically(string path, string text)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
