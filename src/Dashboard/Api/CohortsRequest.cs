using System.ComponentModel.DataAnnotations;
using WardTwin.Application.Planner;

namespace WardTwin.Dashboard.Api;

/// <summary>POST /api/cohorts: protocols compared on one seed (each id is checked against the data folder by the handler).</summary>
public sealed record CohortsRequest
{
    [Required]
    [Length(1, 6, ErrorMessage = "give 1 to 6 protocol ids")]
    public required string[] Protocols { get; init; }

    [Range(1, int.MaxValue)]
    public int Patients { get; init; } = 1000;

    [Range(0, 1e15)]
    public long Seed { get; init; } = 1;

    [AllowedValues("nl", "us", ErrorMessage = "must be one of nl, us")]
    public string Prices { get; init; } = "nl";

    /// <summary>One population for every protocol (like for like); default: each protocol's own cohort.</summary>
    [StringLength(80)]
    public string? Cohort { get; init; }

    /// <summary>The protocol the others are compared with; default: the first.</summary>
    [StringLength(80)]
    public string? Comparator { get; init; }

    [AllowedValues("healthcare", "societal", ErrorMessage = "must be healthcare or societal")]
    public string Perspective { get; init; } = "healthcare";

    [AllowedValues("full", "staff-excluded", ErrorMessage = "must be full or staff-excluded")]
    public string PriceBasis { get; init; } = "full";

    /// <summary>A planner's own prices, item → value in the price file's currency.</summary>
    public Dictionary<string, double>? PriceOverrides { get; init; }

    /// <summary>A probabilistic sensitivity analysis re-simulated on the same patients (omit for none).</summary>
    public PsaRequest? Psa { get; init; }

    /// <summary>Years every patient is followed with retreatment (1-5; 0: the first course alone); default: the price file's country default.</summary>
    [Range(0, 5, ErrorMessage = "must be a whole number of years 0-5 (0: the first course alone)")]
    public int? HorizonYears { get; init; }

    /// <summary>The NRS-to-utility mapping of the QALYs: dixon (Dixon 2011) or linear (the assumed sensitivity).</summary>
    [AllowedValues("dixon", "linear", ErrorMessage = "must be dixon or linear")]
    public string Utility { get; init; } = "dixon";

    /// <summary>Patients treated a year for the budget impact (omit for none); needs a horizon.</summary>
    [Range(0.001, 1e6, ErrorMessage = "must be a number of patients a year > 0")]
    public double? BudgetImpact { get; init; }

    /// <summary>The text of one's own protocol file, compared with the others (its id must differ from theirs).</summary>
    [StringLength(48_000)]
    public string? OwnProtocol { get; init; }
}

/// <summary>The PSA the planner asks for: draws of the evidence, patients per draw, the effect measure and the acceptability curve's reach.</summary>
public sealed record PsaRequest
{
    /// <summary>0: no PSA; 1 is refused by the rule the command line shares; this dashboard runs at most 2000.</summary>
    [PlannerNumber(PlannerNumber.PsaDraws)]
    [Range(0, 2000)]
    public int Draws { get; init; } = 100;

    [Range(10, 5000)]
    public int Patients { get; init; } = 200;

    [AllowedValues("responders-t1", "responders-week", "relief-weeks", "qalys", ErrorMessage = "must be one of responders-t1, responders-week, relief-weeks, qalys")]
    public string Effect { get; init; } = "qalys";

    /// <summary>The acceptability curve's largest willingness to pay; default: the effect's own (200,000 per responder or QALY).</summary>
    [PlannerNumber(PlannerNumber.WtpMax)]
    public double? WtpMax { get; init; }

    /// <summary>Its step; default: a hundredth of <see cref="WtpMax"/>.</summary>
    [PlannerNumber(PlannerNumber.WtpStep)]
    public double? WtpStep { get; init; }
}
