using System.Text.Json.Nodes;
using WardTwin.Model.Outcomes;

namespace WardTwin.Application.Planner;

/// <summary>
/// A finished planner run: the folder its files are in (summary.json and patients.csv per protocol, comparison.json,
/// psa.csv and psa_wide.csv), and what hosts render without reading them back.
/// </summary>
/// <param name="Summaries">Each protocol's summary.json, by protocol id.</param>
/// <param name="Comparison">The comparison's rows, comparator first.</param>
/// <param name="Document">comparison.json.</param>
/// <param name="PsaDraws">Each other protocol's draws as differences from the comparator (the CE plane's points), when a PSA ran.</param>
public sealed record PlannerRunResult(
    string Folder,
    IReadOnlyDictionary<string, JsonObject> Summaries,
    IReadOnlyList<ComparisonRow> Comparison,
    JsonObject Document,
    JsonArray? PsaDraws)
{
    public JsonObject? Psa => Document["psa"] as JsonObject;

    public JsonObject? OneWay => Document["one_way"] as JsonObject;
}
