using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// Where a run's figures come from: the tool's version (with its git commit when built from a checkout), the
/// seed, every input file with its SHA-256, and every override given on the command line. Two runs with the
/// same block ran the same model on the same data; a changed price file shows as a changed hash.
/// </summary>
public static class Provenance
{
    public static string ToolVersion =>
        typeof(Provenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <param name="files">Role ("protocol erasmus-7d", "cohort", "prices", "parameters") and path of each input.</param>
    /// <param name="overrides">What the command line changed, by kind ("param", "price") and name.</param>
    /// <param name="options">Other choices that shape the figures (perspective, comparator, cohort).</param>
    public static JsonObject Build(long seed, IEnumerable<(string Role, string Path)> files, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> overrides, IReadOnlyDictionary<string, string?> options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(options);
        var fileList = new JsonArray();
        foreach (var (role, path) in files.DistinctBy(f => (f.Role, f.Path)))
        {
            fileList.Add(new JsonObject { ["role"] = role, ["path"] = Path.GetFullPath(path), ["sha256"] = Sha256(path) });
        }

        var changed = new JsonObject();
        foreach (var (kind, values) in overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var o = new JsonObject();
            foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                o[name] = value;
            }

            changed[kind] = o;
        }

        var chosen = new JsonObject();
        foreach (var (name, value) in options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            chosen[name] = value;
        }

        return new JsonObject { ["tool"] = "wardtwin", ["version"] = ToolVersion, ["seed"] = seed, ["files"] = fileList, ["overrides"] = changed, ["options"] = chosen };
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
