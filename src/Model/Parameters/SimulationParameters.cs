namespace WardTwin.Model.Parameters;

/// <summary>How often the model looks at a patient between protocol events (nursing observations).</summary>
public sealed record SimulationParameters(double ObservationIntervalH, double ObserveAfterStopH)
{
    internal static SimulationParameters Read(ParameterReader p) => new(
        p.Positive("simulation.observation_interval_h"), p["simulation.observe_after_stop_h"]);
}
