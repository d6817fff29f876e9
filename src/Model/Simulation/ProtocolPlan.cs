using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Simulation;

/// <summary>A protocol with its schedule laid out once; every admission under it shares this (read-only).</summary>
public sealed class ProtocolPlan
{
    public ProtocolPlan(Protocol protocol, ModelParameters parameters)
    {
        Protocol = protocol;
        Parameters = parameters;
        Infusions = Timeline.Infusions(protocol);
        TreatmentEvents = [.. Timeline.Treatment(protocol, parameters.Simulation)];
        Titration = protocol.Titration is null ? null : new Titration.TitrationEngine(protocol);
    }

    public Protocol Protocol { get; }

    public ModelParameters Parameters { get; }

    public IReadOnlyList<(double StartH, double EndH)> Infusions { get; }

    public TimelineEvent[] TreatmentEvents { get; }

    public Titration.TitrationEngine? Titration { get; }
}
