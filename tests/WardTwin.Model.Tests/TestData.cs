using WardTwin.Model.Data;
using WardTwin.Model.Parameters;
using WardTwin.Model.Pk;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Tests;

/// <summary>The repository's own data folder and a few fixed patients for tests.</summary>
internal static class TestData
{
    public static DataCatalog Catalog { get; } = DataCatalog.Locate();

    public static ModelParameters Parameters { get; } = Catalog.LoadParameters();

    /// <summary>The same parameters without background (nocebo) side effects, for tests that follow rules step by step.</summary>
    public static ModelParameters Quiet { get; } = Parameters with
    {
        SideEffects = Parameters.SideEffects with { Types = Parameters.SideEffects.Types.Select(t => t with { BackgroundPerDay = 0 }).ToArray() },
    };

    /// <summary>A 70-kg man with the card's typical values and no variability.</summary>
    public static PatientPk TypicalPk()
    {
        var p = Parameters.Pk;
        return new PatientPk(p.ClLPerH, p.ClLPerH * p.RClRatio, p.VcL, p.Q1LPerH, p.Vp1L, p.Q2LPerH, p.Vp2L, p.NorketamineFm, p.NorketamineClLPerH, p.NorketamineVL);
    }

    public static VirtualPatient Patient(bool responder = true, bool placebo = false, int nrs0 = 8, double c50 = 10.5, double[]? thresholds = null) => new(
        0, 1, Female: false, AgeYears: 45, WeightKg: 70, BaselineNrs: nrs0, DiseaseDurationYears: 5, TypicalPk(),
        Ke0SlowPerH: Math.Log(2) / (10.9 * 24), Ke0FastPerH: Math.Log(2) / 0.1, C50NgPerMl: c50,
        AnalgesicResponder: responder, PlaceboResponder: placebo,
        SideEffectThresholdsNgPerMl: thresholds ?? [1e6, 1e6, 1e6, 1e6, 1e6, 1e6],
        Vitals: new VitalsBaseline(75, 125, 78, 98, 14));

    public static string TempFile(string name, string text)
    {
        string dir = Path.Combine(Path.GetTempPath(), "wardtwin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
