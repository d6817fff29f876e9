using System.Text.Json;

namespace WardTwin.DeviceData.Codes;

/// <summary>
/// data/codes/device-codes.json, embedded in this assembly at build time (the outputs must not depend on where the
/// data folder is): the MDC terms and units, LOINC codes and UCUM units the device-data outputs send, each with its
/// source. A name the code asks for that the file lacks fails at once, naming it.
/// </summary>
public sealed class DeviceCodeTable
{
    private readonly JsonElement _root;

    private DeviceCodeTable(JsonElement root) => _root = root;

    /// <summary>The table shipped with this build.</summary>
    public static DeviceCodeTable Shipped { get; } = Load();

    public int MdcCode(string refId) => Entry("mdc", refId).GetProperty("code").GetInt32();

    public (int Code, string Ucum) Unit(string refId)
    {
        var e = Entry("units", refId);
        return (e.GetProperty("code").GetInt32(), e.GetProperty("ucum").GetString()!);
    }

    public JsonElement Loinc(string name) => Entry("loinc", name);

    /// <summary>Every entry of a section with its source, for the docs' table and its test.</summary>
    public IEnumerable<(string Name, JsonElement Entry)> Section(string section) =>
        _root.GetProperty(section).EnumerateObject().Select(p => (p.Name, p.Value));

    private JsonElement Entry(string section, string name) =>
        _root.GetProperty(section).TryGetProperty(name, out var e)
            ? e
            : throw new KeyNotFoundException($"device-codes.json has no {section} entry '{name}'");

    private static DeviceCodeTable Load()
    {
        using var stream = typeof(DeviceCodeTable).Assembly.GetManifestResourceStream("device-codes.json")
            ?? throw new InvalidOperationException("device-codes.json is not embedded in WardTwin.DeviceData");
        using var doc = JsonDocument.Parse(stream);
        return new DeviceCodeTable(doc.RootElement.Clone());
    }
}
