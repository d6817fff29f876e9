using System.Globalization;
using System.Runtime;

namespace WardTwin.Silo.Cli;

/// <summary>
/// The GC settings a memory figure was taken under, said beside it: the same ward holds a sixth less or more working
/// set by these alone (docs/benchmarks.md), so a figure without them cannot be compared.
/// </summary>
internal static class GcInEffect
{
    /// <summary>E.g. "server GC, DATAS, target 10 % of time in GC".</summary>
    public static string Describe()
    {
        string mode = GCSettings.IsServerGC ? "server GC" : "workstation GC";

        // The environment's DOTNET_ variables (hexadecimal, as the runtime reads them) win over the project's runtimeconfig.
        string? datas = Environment.GetEnvironmentVariable("DOTNET_GCDynamicAdaptationMode") is { } d ? Hex(d)
            : AppContext.GetData("System.GC.DynamicAdaptationMode")?.ToString();
        string? target = Environment.GetEnvironmentVariable("DOTNET_GCDTargetTCP") is { } t ? Hex(t)
            : AppContext.GetData("System.GC.DTargetTCP")?.ToString();
        if (datas == "0")
        {
            return $"{mode}, DATAS off";
        }

        // DATAS and its target adapt server GC's heaps only.
        return GCSettings.IsServerGC ? $"{mode}, DATAS, target {target ?? "2 (the runtime's default)"} % of time in GC" : mode;
    }

    private static string Hex(string value) =>
        long.TryParse(value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long v)
            ? v.ToString(CultureInfo.InvariantCulture)
            : value;
}
