using System.Text.Json;
using System.Text.Json.Nodes;
using WardTwin.Model.Data;

namespace WardTwin.Model.Parameters;

/// <summary>
/// The parameter data file as read: its entries, alarm rules and the raw JSON, so that `calibrate`
/// can write fitted values back while keeping every source and comment-like field as it was.
/// </summary>
public sealed class ParameterFile
{
    private ParameterFile(string path, JsonObject root, IReadOnlyDictionary<string, ParameterEntry> entries, IReadOnlyList<AlarmRule> alarms, IReadOnlyList<AlarmRule> monitorAlarms)
    {
        Path = path;
        Root = root;
        Entries = entries;
        Alarms = alarms;
        MonitorAlarms = monitorAlarms;
    }

    public string Path { get; }

    public JsonObject Root { get; }

    public IReadOnlyDictionary<string, ParameterEntry> Entries { get; }

    /// <summary>The card's alarm conditions: checked at every nursing observation of a walk and counted in a cohort's outcomes.</summary>
    public IReadOnlyList<AlarmRule> Alarms { get; }

    /// <summary>
    /// Rules only the live bedside monitor checks (respiratory rate, technical alarms): a cohort's outcomes keep the card's
    /// conditions, so adding a monitor rule does not change a cohort.
    /// </summary>
    public IReadOnlyList<AlarmRule> MonitorAlarms { get; }

    public static ParameterFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new DataFileException(path, "(file)", ex.Message);
        }

        return Parse(text, path);
    }

    public static ParameterFile Parse(string text, string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new DataFileException(path, "$", "expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new DataFileException(path, ex.Path ?? "$", ex.Message.Split(" Path:", 2)[0]);
        }

        if (root["parameters"] is not JsonObject parameters)
        {
            throw new DataFileException(path, "parameters", "missing; expected an object of named parameters");
        }

        var entries = new Dictionary<string, ParameterEntry>(StringComparer.Ordinal);
        foreach (var (name, node) in parameters)
        {
            ParameterEntry? entry;
            try
            {
                entry = node?.Deserialize<ParameterEntry>(DataJson.Options);
            }
            catch (JsonException ex)
            {
                throw new DataFileException(path, $"parameters.{name}", DataJson.Explain(ex));
            }

            if (entry is null)
            {
                throw new DataFileException(path, $"parameters.{name}", "is null; expected {\"value\": ..., \"source\": ...}");
            }

            if (!double.IsFinite(entry.Value))
            {
                throw new DataFileException(path, $"parameters.{name}.value", "must be a finite number");
            }

            if (string.IsNullOrWhiteSpace(entry.Source))
            {
                throw new DataFileException(path, $"parameters.{name}.source", "every parameter must name its source");
            }

            if (entry.FitWithinPublishedInterval && (entry.Assumed || entry.Min is null || entry.Max is null))
            {
                throw new DataFileException(path, $"parameters.{name}", "fit_within_published_interval is for a sourced value (assumed false) and needs its interval as min and max");
            }

            if ((entry.Min is double lo && entry.Value < lo) || (entry.Max is double hi && entry.Value > hi))
            {
                throw new DataFileException(path, $"parameters.{name}.value", $"{entry.Value} is outside its bounds [{entry.Min}, {entry.Max}]");
            }

            if (entry.Uncertainty?.Problem(entry.Value) is { } problem)
            {
                throw new DataFileException(path, $"parameters.{name}.uncertainty", problem);
            }

            entries[name] = entry;
        }

        var alarms = AlarmRules.Read(root, "alarms", path);
        var monitorAlarms = AlarmRules.Read(root, "monitor_alarms", path);
        return new ParameterFile(path, root, entries, alarms, monitorAlarms);
    }

    /// <summary>A copy with some values replaced; only assumed entries (and sourced ones within their published interval) may change.</summary>
    public ParameterFile WithValues(IReadOnlyDictionary<string, double> values)
    {
        var root = (JsonObject)Root.DeepClone();
        var parameters = (JsonObject)root["parameters"]!;
        var entries = new Dictionary<string, ParameterEntry>(Entries, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!entries.TryGetValue(name, out var entry))
            {
                throw new DataFileException(Path, $"parameters.{name}", "no such parameter");
            }

            if (!entry.Fittable)
            {
                throw new DataFileException(Path, $"parameters.{name}", "is a sourced value and is never changed by calibration");
            }

            if ((entry.Min is double lo && value < lo) || (entry.Max is double hi && value > hi))
            {
                throw new DataFileException(Path, $"parameters.{name}", $"{value} is outside its bounds [{entry.Min}, {entry.Max}]");
            }

            entries[name] = entry with { Value = value };
            parameters[name]!["value"] = value;
        }

        return new ParameterFile(Path, root, entries, Alarms, MonitorAlarms);
    }

    /// <summary>A copy with a top-level section replaced (calibrate writes its fit table there).</summary>
    public ParameterFile WithSection(string name, JsonNode section)
    {
        var root = (JsonObject)Root.DeepClone();
        root[name] = section;
        return new ParameterFile(Path, root, Entries, Alarms, MonitorAlarms);
    }

    /// <summary>
    /// A copy with a user's own values for a sensitivity run (any parameter, sourced ones too, within its
    /// bounds); each changed entry's source says it was overridden and what it was.
    /// </summary>
    public ParameterFile WithOverrides(IReadOnlyDictionary<string, double> values, string origin)
    {
        var root = (JsonObject)Root.DeepClone();
        var parameters = (JsonObject)root["parameters"]!;
        var entries = new Dictionary<string, ParameterEntry>(Entries, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!entries.TryGetValue(name, out var entry))
            {
                throw new DataFileException(origin, name, $"no such parameter in {Path}; did you mean {string.Join(", ", Similar(name))}?");
            }

            if (!double.IsFinite(value) || (entry.Min is double lo && value < lo) || (entry.Max is double hi && value > hi))
            {
                throw new DataFileException(origin, name, $"{value} is outside its bounds [{entry.Min}, {entry.Max}]");
            }

            string source = $"{entry.Source}; overridden ({origin}): was {entry.Value}";
            entries[name] = entry with { Value = value, Source = source };
            parameters[name]!["value"] = value;
            parameters[name]!["source"] = source;
        }

        return new ParameterFile(Path, root, entries, Alarms, MonitorAlarms);
    }

    /// <summary>Names sharing a word with <paramref name="name"/> (female_factor → pk.female_cl_factor), else its section's first few.</summary>
    private IEnumerable<string> Similar(string name)
    {
        var words = name.Split('.', '_').Where(w => w.Length >= 3).ToArray();
        var hits = Entries.Keys.Where(k => words.Skip(1).Any(w => k.Contains(w, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal).Take(5).ToArray();
        return hits.Length > 0 ? hits : Entries.Keys.Where(k => k.StartsWith(name.Split('.')[0], StringComparison.Ordinal)).Take(5);
    }

    /// <summary>The file as JSON text (what a grain on another silo reads).</summary>
    public string ToJson() => Root.ToJsonString(SaveOptions) + "\n";

    private static JsonSerializerOptions SaveOptions { get; } = new()
    {
        WriteIndented = true,

        // Sources carry en dashes and the like: keep them readable in the file, not escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Save(string path)
    {
        File.WriteAllText(path, ToJson());
    }
}
