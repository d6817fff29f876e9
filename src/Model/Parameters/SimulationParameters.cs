namespace WardTwin.Model.Parameters;

/// <summary>How often the model looks at a patient between protocol events (nursing observations).</summary>
public sealed record SimulationParameters(double ObservationIntervalH, double ObserveAfterStopH, double AlarmEscalateAfterS)
{
    internal static SimulationParameters Read(ParameterReader p) => new(
        p.Positive("simulation.observation_interval_h"), p["simulation.observe_after_stop_h"], p.Positive("alarm.escalate_after_s"));
}
