using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace WardTwin.Dashboard.Api;

/// <summary>POST /api/training/{session}/start: a scenario for one or several trainees (each gets their own ward).</summary>
public sealed record TrainingStartRequest
{
    [Required]
    [StringLength(80, MinimumLength = 1)]
    public required string Scenario { get; init; }

    [Required]
    [MinLength(1)]
    [MaxLength(8)]
    public required string[] Trainees { get; init; }

    /// <summary>Every ward's clock waits for the instructor's resume (the pages can load first).</summary>
    public bool StartPaused { get; init; }
}

/// <summary>POST /api/training/{session}/act: one trainee action on one bed (numbered from 1).</summary>
public sealed record TrainingActRequest
{
    [Required]
    [StringLength(32, MinimumLength = 1)]
    public required string Trainee { get; init; }

    [Range(1, 24)]
    public required int Bed { get; init; }

    [Required]
    [StringLength(32, MinimumLength = 1)]
    public required string Action { get; init; }

    /// <summary>
    /// mg/h for set-rate, mg for midazolam, mL for set-vtbi, L/min for oxygen; absent for the keys. A JSON number or the text
    /// typed, read strictly (<see cref="Model.Training.ClinicalNumber"/>); no upper bound here: a rate above the pump's hard
    /// limit, whatever its size, is a hard-limit attempt the pump refuses and the rubric counts.
    /// </summary>
    [JsonConverter(typeof(ClinicalNumberJsonConverter))]
    public double? Value { get; init; }

    public bool Confirm { get; init; }

    /// <summary>For a confirmed set-rate: the pump's revision the trainee confirmed on; refused if the pump changed since.</summary>
    public long? Revision { get; init; }

    /// <summary>The alarm, for acknowledge-alarm.</summary>
    [StringLength(64)]
    public string? Target { get; init; }
}

/// <summary>POST /api/training/{session}/inject: a scenario event by id, or one of the instructor's own (kind and bed), on one trainee's ward or all.</summary>
public sealed record TrainingInjectRequest
{
    [StringLength(32)]
    public string? Trainee { get; init; }

    [StringLength(64)]
    public string? Event { get; init; }

    [StringLength(32)]
    public string? Kind { get; init; }

    [Range(1, 24)]
    public int? Bed { get; init; }

    [StringLength(32)]
    public string? SideEffect { get; init; }

    [Range(1, 3)]
    public int? Grade { get; init; }

    [Range(0, 336)]
    public double DurationH { get; init; }

    [Range(-100, 100)]
    public double HrChangePerMin { get; init; }

    [Range(-150, 150)]
    public double SbpChangeMmHg { get; init; }

    [Range(-50, 50)]
    public double Spo2ChangePercent { get; init; }

    [Range(-40, 40)]
    public double RrChangePerMin { get; init; }
}

/// <summary>POST /api/training/{session}/annotate: the instructor's note or bookmark on one trainee's record (or every trainee's), on a bed or the ward.</summary>
public sealed record TrainingAnnotateRequest
{
    [StringLength(32)]
    public string? Trainee { get; init; }

    [Range(1, 24)]
    public int? Bed { get; init; }

    [Required]
    [StringLength(500, MinimumLength = 1)]
    public required string Text { get; init; }
}
