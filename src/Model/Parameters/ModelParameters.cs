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
    HorizonParameters Horizon,
    IReadOnlyList<AlarmRule> MonitorAlarms,
    PhysiologyParameters Physiology)
{
    /// <summary>Every rule a live bedside monitor checks: the card's conditions and the monitor's own (RR, technical).</summary>
    public IReadOnlyList<AlarmRule> BedsideAlarms => [.. Alarms, .. MonitorAlarms];

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
            HorizonParameters.Read(p),
            file.MonitorAlarms,
            PhysiologyParameters.Read(p, file.Path));
    }
}
