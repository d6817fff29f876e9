namespace WardTwin.Model.Parameters;

/// <summary>Every number the clinical model uses, read once from a parameter data file (model card).</summary>
public sealed record ModelParameters(
    PopulationParameters Population,
    PkParameters Pk,
    PainParameters Pain,
    SideEffectParameters SideEffects,
    VitalsParameters Vitals,
    SimulationParameters Simulation,
    PumpParameters Pump,
    IReadOnlyList<AlarmRule> Alarms,
    HorizonParameters Horizon)
{
    public static ModelParameters Load(string path) => From(ParameterFile.Load(path));

    public static ModelParameters From(ParameterFile file)
    {
        var p = new ParameterReader(file);
        return new ModelParameters(
            PopulationParameters.Read(p),
            PkParameters.Read(p),
            PainParameters.Read(p),
            SideEffectParameters.Read(p),
            VitalsParameters.Read(p),
            SimulationParameters.Read(p),
            PumpParameters.Read(p),
            file.Alarms,
            HorizonParameters.Read(p));
    }
}
